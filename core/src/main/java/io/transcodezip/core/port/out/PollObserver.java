package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import java.time.Duration;

/** What the poller reports as it works, for metrics and logs. Every method is optional. */
public interface PollObserver {

    PollObserver NONE = new PollObserver() {
    };

    /** A job was claimed; {@code lag} is how late the claim is against the job's due time. */
    default void claimed(DownloadJob job, Duration lag, boolean takeover) {
    }

    /** The upstream call of a job begins on this thread (and ends with {@link #callEnded}). */
    default void callStarting(DownloadJob job) {
    }

    /** The thread is done with the job's call, whatever became of it. */
    default void callEnded(DownloadJob job) {
    }

    /** The tick waited {@code waited} for a call slot of {@code account}, or got none ({@code granted} false). */
    default void budgetWait(AccountName account, Duration waited, boolean granted) {
    }

    /**
     * An upstream call ended with {@code outcome} (packaging, ready, full, rate_limited, unauthorized,
     * rejected, unavailable) after {@code latency}; {@code after} is the job it produced.
     */
    default void called(DownloadJob before, DownloadJob after, String outcome, Duration latency, String traceId) {
    }

    /** A job's outcome was dropped because its lease had been lost. */
    default void fenced(DownloadJob outcome) {
    }

    /** Something unexpected went wrong while polling; the job's lease will run out and it will be retried. */
    default void failed(DownloadJob job, RuntimeException error) {
    }
}
