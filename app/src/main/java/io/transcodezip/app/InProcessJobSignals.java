package io.transcodezip.app;

import io.transcodezip.core.port.out.JobSignals;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes waiters of this instance when a job changes here. A change made by another instance sends no
 * signal: waiters re-read the job at least every half second anyway (see DownloadJobService).
 */
@ApplicationScoped
class InProcessJobSignals implements JobSignals {

    private final Map<UUID, Object> monitors = new ConcurrentHashMap<>();
    private final PollTicker ticker;

    InProcessJobSignals(PollTicker ticker) {
        this.ticker = ticker;
    }

    @Override
    public void jobChanged(UUID jobId) {
        Object monitor = monitors.get(jobId);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void awaitChange(UUID jobId, Duration max) throws InterruptedException {
        Object monitor = monitors.computeIfAbsent(jobId, id -> new Object());
        try {
            synchronized (monitor) {
                monitor.wait(Math.max(1, max.toMillis()));
            }
        } finally {
            monitors.remove(jobId, monitor);
        }
    }

    @Override
    public void wakePoller() {
        ticker.wake();
    }
}
