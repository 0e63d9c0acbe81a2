package io.transcodezip.core.port.in;

import java.time.Duration;

/** One tick of the poller: claim due jobs within the budget, call upstream, apply the answers. */
public interface PollDueJobsUseCase {

    PollReport pollOnce();

    /**
     * Stops claiming, lets calls under way finish for up to {@code grace}, then gives back every lease
     * this instance holds so another instance takes the jobs at once.
     *
     * @return how many leases were given back
     */
    int stop(Duration grace) throws InterruptedException;
}
