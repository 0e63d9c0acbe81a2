package io.transcodezip.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.AccessToken;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PostgresAccessTokenStoreTest {

    @Inject
    PostgresAccessTokenStore store;

    @Test
    void savedToken_isLoaded_andReplacedBySave() {
        AccountName account = AccountName.of("roundtrip");
        Instant expiry = Instant.parse("2030-03-23T07:48:37Z");
        assertThat(store.load(account)).isEmpty();

        store.save(account, new AccessToken("first", expiry));
        store.save(account, new AccessToken("second", expiry.plusSeconds(60)));

        assertThat(store.load(account)).contains(new AccessToken("second", expiry.plusSeconds(60)));
    }

    @Test
    void eightThreadsThatFindNoToken_fetchOnlyOne() throws Exception {
        AccountName account = AccountName.of("contended");
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(pool.submit(() -> {
                start.await();
                return store.withRefreshLock(account, () -> store.load(account)
                        .filter(t -> t.isFreshAt(Instant.now(), Duration.ofMinutes(5)))
                        .orElseGet(() -> {
                            AccessToken fetched = new AccessToken("token-" + fetches.incrementAndGet(),
                                    Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
                            store.save(account, fetched);
                            return fetched;
                        })).value();
            }));
        }
        start.countDown();
        List<String> seen = new ArrayList<>();
        for (Future<String> t : tokens) {
            seen.add(t.get());
        }
        pool.shutdown();

        assertThat(fetches.get()).isEqualTo(1);
        assertThat(seen).containsOnly("token-1");
    }
}
