package io.transcodezip.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.testing.InMemoryDownloadJobRepository;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeFinishedJobsServiceTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryDownloadJobRepository repository = new InMemoryDownloadJobRepository(clock);

    @Test
    void deletesEveryJobFinishedBeforeTheRetention_inBatches_andKeepsTheRest() {
        for (int i = 0; i < 7; i++) {
            DownloadJob job = repository.createOrGetActive(Jobs.pending(100 + i, clock.instant())).job();
            repository.update(job.cancel(clock.instant()));
        }
        DownloadJob unfinished = repository.createOrGetActive(Jobs.pending(200, clock.instant())).job();
        clock.advance(Duration.ofDays(8));
        DownloadJob recent = repository.createOrGetActive(Jobs.pending(300, clock.instant())).job();
        repository.update(recent.cancel(clock.instant()));

        int deleted = new PurgeFinishedJobsService(repository, clock, Duration.ofDays(7), 3).purge();

        assertThat(deleted).isEqualTo(7);
        assertThat(repository.find(Jobs.TENANT, unfinished.id())).isPresent();
        assertThat(repository.find(Jobs.TENANT, recent.id())).isPresent();
    }
}
