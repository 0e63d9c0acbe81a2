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
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many jobs a claim takes per second against the embedded PostgreSQL, by batch size. A benchmark,
 * not a test: it runs only with {@code -Pbenchmark} and prints its figures.
 *
 * <pre>./mvnw -B -pl adapters-persistence -am verify -Pbenchmark -Dtest='*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ClaimRateBenchmark {

    private static final int JOBS = 3_000;

    @Inject
    PanacheDownloadJobRepository repository;

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 100, 1, 100})
    void claimRate(int batch) {
        AccountName account = AccountName.of("bench-" + batch + "-" + System.nanoTime());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < JOBS; i++) {
            repository.createOrGetActive(Jobs.pending(Jobs.TENANT, account, 1 + i, "b.zip", now));
        }

        int claimed = 0;
        int statements = 0;
        long started = System.nanoTime();
        List<ClaimedJob> got;
        do {
            got = repository.claimDue(account, now, batch, "bench", Duration.ofMinutes(5));
            claimed += got.size();
            statements++;
        } while (!got.isEmpty());
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("BENCHMARK claim batch=%d: %d jobs in %.2f s = %.0f jobs/s, %.0f claims/s (%d due jobs)%n",
                batch, claimed, seconds, claimed / seconds, statements / seconds, JOBS);
        assertThat(claimed).isEqualTo(JOBS);
    }
}
