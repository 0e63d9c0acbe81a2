package io.transcodezip.core.usecase;

import io.transcodezip.core.port.in.PurgeFinishedJobsUseCase;
import io.transcodezip.core.port.out.DownloadJobRepository;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Deletes jobs whose packaging or life ended more than {@code retention} ago, in batches so no single
 * statement locks many rows. READY jobs count as finished: their upstream zip is long gone by then.
 */
public final class PurgeFinishedJobsService implements PurgeFinishedJobsUseCase {

    private final DownloadJobRepository jobs;
    private final InstantSource clock;
    private final Duration retention;
    private final int batchSize;

    public PurgeFinishedJobsService(DownloadJobRepository jobs, InstantSource clock, Duration retention, int batchSize) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    @Override
    public int purge() {
        var cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = jobs.deleteFinishedBefore(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
