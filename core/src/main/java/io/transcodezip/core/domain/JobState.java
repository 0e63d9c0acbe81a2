package io.transcodezip.core.domain;

/** Where a download job is in its life; see {@link DownloadJob} for the transitions. */
public enum JobState {
    /** Submitted; upstream has not been called yet (or the job was retried). */
    PENDING,
    /** Upstream is building the zip. */
    PACKAGING,
    /** A download URL exists; it is re-minted on demand when it is about to expire. */
    READY,
    SPACE_FULL,
    FAILED,
    TIMED_OUT,
    CANCELLED;

    public boolean isTerminal() {
        return switch (this) {
            case SPACE_FULL, FAILED, TIMED_OUT, CANCELLED -> true;
            case PENDING, PACKAGING, READY -> false;
        };
    }

    /** Active jobs are unique per tenant, account, file and zip name. */
    public boolean isActive() {
        return !isTerminal();
    }

    public boolean isRetryable() {
        return this == SPACE_FULL || this == FAILED || this == TIMED_OUT;
    }

    /** States in which upstream still has work to report on, so the job is polled. */
    public boolean isPolled() {
        return this == PENDING || this == PACKAGING;
    }
}
