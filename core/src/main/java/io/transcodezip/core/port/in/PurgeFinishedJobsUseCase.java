package io.transcodezip.core.port.in;

/** Retention: delete jobs that finished longer ago than the configured age. */
public interface PurgeFinishedJobsUseCase {

    /** @return how many jobs were deleted */
    int purge();
}
