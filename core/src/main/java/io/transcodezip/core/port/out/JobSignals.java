package io.transcodezip.core.port.out;

import java.time.Duration;
import java.util.UUID;

/**
 * Lets a caller waiting for a job (long poll, fresh link) return as soon as the job changes, and lets
 * a submission wake the poller so a new job does not wait for the next tick. Signals are hints: a
 * waiter re-reads the job, and may be woken by a change it does not care about.
 */
public interface JobSignals {

    /** Someone stored a new version of the job. */
    void jobChanged(UUID jobId);

    /** Waits until {@link #jobChanged} is called for the job, or {@code max} passes, whichever is first. */
    void awaitChange(UUID jobId, Duration max) throws InterruptedException;

    /** There is work due now: run a poll tick as soon as possible. */
    void wakePoller();
}
