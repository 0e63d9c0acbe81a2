package io.transcodezip.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.DownloadJobRepository.ClaimedJob;
import io.transcodezip.core.testing.Jobs;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several instances claiming at once: every due job is claimed, none by two of them. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentClaimTest {

    private static final int JOBS = 1_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    @Inject
    PanacheDownloadJobRepository repository;

    @ParameterizedTest(name = "{0} claimers")
    @ValueSource(ints = {2, 8})
    void concurrentClaimers_neverShareAJob_andLeaveNoneBehind(int claimers) throws Exception {
        AccountName account = AccountName.of("concurrent-" + RUNS.incrementAndGet() + "-" + claimers);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Set<UUID> created = new HashSet<>();
        for (int i = 0; i < JOBS; i++) {
            created.add(repository.createOrGetActive(
                    Jobs.pending(Jobs.TENANT, account, 1 + i, "c.zip", now)).job().id());
        }

        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < claimers; c++) {
            String owner = "claimer-" + c;
            running.add(pool.submit(() -> {
                start.await();
                // SKIP LOCKED may show a claimer nothing while others hold rows: stop only on an empty
                // answer once every job is taken, or after many empty answers in a row.
                int empty = 0;
                while (claimed.size() < JOBS && empty < 50) {
                    List<ClaimedJob> batch = repository.claimDue(account, now, 7, owner, Duration.ofMinutes(5));
                    batch.forEach(cj -> claimed.add(cj.job().id()));
                    empty = batch.isEmpty() ? empty + 1 : 0;
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        List<UUID> all = new ArrayList<>(claimed);
        assertThat(all).as("no job held by two claimers").doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).as("every due job claimed").isEqualTo(created);
        assertThat(repository.claimDue(account, now, 10, "late", Duration.ofMinutes(5))).isEmpty();
    }
}
