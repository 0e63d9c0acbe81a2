package io.transcodezip.core.testing;

import io.transcodezip.core.port.out.JobSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Signals for tests: records what was signalled, and while a caller "waits" runs {@code whileWaiting}
 * (typically a poll tick) and moves the clock by the time waited, so long polls end deterministically.
 */
public final class RecordingJobSignals implements JobSignals {

    private final MutableClock clock;
    private final List<UUID> changed = new ArrayList<>();
    private Runnable whileWaiting = () -> { };
    private int wakeups;

    public RecordingJobSignals(MutableClock clock) {
        this.clock = clock;
    }

    public RecordingJobSignals whileWaiting(Runnable action) {
        this.whileWaiting = action;
        return this;
    }

    @Override
    public synchronized void jobChanged(UUID jobId) {
        changed.add(jobId);
    }

    @Override
    public void awaitChange(UUID jobId, Duration max) {
        clock.advance(max);
        whileWaiting.run();
    }

    @Override
    public synchronized void wakePoller() {
        wakeups++;
    }

    public synchronized int wakeups() {
        return wakeups;
    }

    public synchronized List<UUID> changed() {
        return List.copyOf(changed);
    }
}
