package io.transcodezip.app;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.transcodezip.core.port.in.PurgeFinishedJobsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The clock of the poller and of retention; the work itself is core's. */
@ApplicationScoped
class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final PollTicker ticker;
    private final PurgeFinishedJobsUseCase purge;

    PollScheduler(PollTicker ticker, PurgeFinishedJobsUseCase purge) {
        this.ticker = ticker;
        this.purge = purge;
    }

    @Scheduled(identity = "poll", every = "${transcodezip.poll.tick:1s}", concurrentExecution = ConcurrentExecution.SKIP)
    void poll() {
        ticker.tick();
    }

    @Scheduled(identity = "retention", every = "1h", delayed = "1m", concurrentExecution = ConcurrentExecution.SKIP)
    void purgeFinishedJobs() {
        int deleted = purge.purge();
        if (deleted > 0) {
            LOG.infof("retention: deleted %d finished jobs", deleted);
        }
    }
}
