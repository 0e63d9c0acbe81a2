package io.transcodezip.app.ops;

import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.port.out.PollObserver;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Logs what the poller does: one line per state change, with the job, the account and upstream's trace id. */
public class LoggingPollObserver implements PollObserver {

    private static final Logger LOG = Logger.getLogger("io.transcodezip.poller");

    /** Every line logged while a job's call runs carries the job and the account (JSON logs: "mdc"). */
    @Override
    public void callStarting(DownloadJob job) {
        MDC.put("jobId", job.id().toString());
        MDC.put("account", job.account().value());
    }

    @Override
    public void callEnded(DownloadJob job) {
        MDC.remove("jobId");
        MDC.remove("account");
    }

    @Override
    public void claimed(DownloadJob job, Duration lag, boolean takeover) {
        if (takeover) {
            LOG.infof("job %s account %s: taken over from an instance whose lease ran out", job.id(), job.account());
        }
    }

    @Override
    public void called(DownloadJob before, DownloadJob after, String outcome, Duration latency, String traceId) {
        if (before.state() != after.state() || after.lastError() != null) {
            LOG.infof("job %s account %s: %s -> %s (%s, %d ms%s)%s", after.id(), after.account(),
                    before.state(), after.state(), outcome, latency.toMillis(), trace(traceId),
                    after.lastError() == null ? "" : ": " + after.lastError().message());
        } else {
            LOG.debugf("job %s account %s: %s (%d ms%s)", after.id(), after.account(), outcome,
                    latency.toMillis(), trace(traceId));
        }
    }

    private static String trace(String traceId) {
        return traceId == null ? "" : ", upstream trace " + traceId;
    }

    @Override
    public void fenced(DownloadJob outcome) {
        LOG.infof("job %s account %s: outcome dropped, the lease was lost", outcome.id(), outcome.account());
    }

    @Override
    public void failed(DownloadJob job, RuntimeException error) {
        LOG.errorf(error, "job %s account %s: polling failed", job.id(), job.account());
    }
}
