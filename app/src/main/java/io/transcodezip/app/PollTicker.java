package io.transcodezip.app;

import io.transcodezip.core.port.in.PollDueJobsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs poll ticks one at a time in this instance, whether the scheduler asks or a submission wakes
 * the poller. A wake-up during a tick is not lost: another tick follows at once.
 */
@ApplicationScoped
class PollTicker {

    private static final Logger LOG = Logger.getLogger(PollTicker.class);

    private final PollDueJobsUseCase poller;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poll-wakeup");
        t.setDaemon(true);
        return t;
    });

    PollTicker(PollDueJobsUseCase poller) {
        this.poller = poller;
    }

    /** Runs a tick now in this thread, unless one is running: then that one runs once more. */
    void tick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                try {
                    poller.pollOnce();
                } catch (RuntimeException failed) {
                    LOG.error("a poll tick failed; the next tick tries again", failed);
                }
            } while (again.get());
        } finally {
            running.set(false);
        }
    }

    /** Runs a tick soon on a thread of its own, so the caller (a request) does not wait for it. */
    void wake() {
        try {
            wakeups.execute(this::tick);
        } catch (RejectedExecutionException stopping) {
            // Shutting down: nothing more to poll here.
        }
    }

    @PreDestroy
    void stop() {
        wakeups.shutdownNow();
    }
}
