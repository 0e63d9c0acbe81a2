package io.transcodezip.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One "download all renditions of file X as zip Y" job. Immutable: every change is a transition
 * method that takes {@code now} (and the policy where timing matters) and returns the new job, or
 * throws {@link IllegalTransitionException}. Repositories rebuild jobs through the constructor.
 *
 * @param downloadUrl    set while READY
 * @param calls          upstream calls made for this job, failed ones included
 * @param nextPollAt     when the job is due for an upstream call; null when nothing is to be asked
 * @param deadline       after it, a job still waiting for upstream times out
 * @param finishedAt     when the packaging ended (READY) or the job ended (terminal states)
 * @param lastError      what went wrong last; cleared by a good answer
 * @param urlRequestedAt set while a user waits for a fresh link of a READY job
 * @param version        bumped by every write; repositories use it to refuse lost updates
 */
public record DownloadJob(UUID id, Tenant tenant, AccountName account, FileId fileId, ZipName zipName,
                          JobState state, DownloadUrl downloadUrl, int calls, int consecutiveErrors,
                          Instant nextPollAt, Instant deadline, Instant createdAt, Instant updatedAt,
                          Instant finishedAt, JobError lastError, Instant urlRequestedAt, long version) {

    public DownloadJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(zipName, "zipName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (calls < 0 || consecutiveErrors < 0) {
            throw new IllegalArgumentException("calls and consecutiveErrors must not be negative");
        }
        if (state == JobState.READY && downloadUrl == null) {
            throw new IllegalArgumentException("a READY job has a download URL");
        }
        if (state != JobState.READY && (downloadUrl != null || urlRequestedAt != null)) {
            throw new IllegalArgumentException("only a READY job has a download URL, got " + state);
        }
        if ((state.isTerminal() || state == JobState.READY) && finishedAt == null) {
            throw new IllegalArgumentException("a " + state + " job has a finish time");
        }
        if (state.isPolled() && nextPollAt == null) {
            throw new IllegalArgumentException("a " + state + " job has a next poll time");
        }
        if (state.isTerminal() && nextPollAt != null) {
            throw new IllegalArgumentException("a terminal job is not polled");
        }
    }

    /** A new job: due at once, because its first call is what starts the packaging upstream. */
    public static DownloadJob submit(UUID id, Tenant tenant, AccountName account, FileId fileId, ZipName zipName,
                                     Instant now, PollPolicy policy) {
        return new DownloadJob(id, tenant, account, fileId, zipName, JobState.PENDING, null, 0, 0,
                now, policy.deadline(now), now, now, null, null, null, 0);
    }

    /** Upstream answered "still packaging": poll again after the interval (never past the deadline). */
    public DownloadJob packaging(Instant now, PollPolicy policy) {
        requireAnswerable("record a packaging answer for");
        // A READY job whose refresh finds upstream packaging again starts a new wait.
        Instant newDeadline = state == JobState.READY ? policy.deadline(now) : deadline;
        Instant next = earliest(policy.nextPoll(now, id, calls + 1), newDeadline);
        return new DownloadJob(id, tenant, account, fileId, zipName, JobState.PACKAGING, null, calls + 1, 0,
                next, newDeadline, createdAt, now, null, null, null, version);
    }

    /** Upstream handed out a link: the job is READY until someone needs a fresher link. */
    public DownloadJob ready(DownloadUrl url, Instant now) {
        requireAnswerable("record a download URL for");
        Objects.requireNonNull(url, "url");
        return new DownloadJob(id, tenant, account, fileId, zipName, JobState.READY, url, calls + 1, 0,
                null, deadline, createdAt, now, finishedAt == null ? now : finishedAt, null, null, version);
    }

    /** Upstream says the account's transcode space is full: nothing will come until space is freed. */
    public DownloadJob spaceFull(Instant now) {
        requireAnswerable("record a full transcode space for");
        return finish(JobState.SPACE_FULL, calls + 1, consecutiveErrors, null, now);
    }

    /** Upstream refused the job for good (missing file, traffic quota, unknown code). */
    public DownloadJob rejected(JobError error, Instant now) {
        requireAnswerable("record a rejection for");
        return finish(JobState.FAILED, calls + 1, consecutiveErrors, error, now);
    }

    /**
     * A call failed in a way that may pass (upstream down, garbage answer). The job backs off; after
     * too many failures in a row it fails. A READY job only drops the pending refresh: its user is told
     * to come back, and the zip upstream is not lost.
     */
    public DownloadJob transientFailure(JobError error, Instant now, PollPolicy policy) {
        requireAnswerable("record a failure for");
        int errors = consecutiveErrors + 1;
        if (state == JobState.READY) {
            return readyWithoutRefresh(calls + 1, errors, error, now);
        }
        if (errors >= policy.maxConsecutiveErrors()) {
            JobError last = new JobError(JobErrorCode.TOO_MANY_ERRORS, error.upstreamCode(),
                    errors + " failures in a row; the last: " + error.message(), error.traceId());
            return finish(JobState.FAILED, calls + 1, errors, last, now);
        }
        Instant next = earliest(policy.afterError(now, id, errors), deadline);
        return new DownloadJob(id, tenant, account, fileId, zipName, state, null, calls + 1, errors,
                next, deadline, createdAt, now, null, error, null, version);
    }

    /**
     * A call failed because of the account (rate limited, credentials refused). The account slows
     * down; the job does not count it against its error limit: only its deadline ends it.
     */
    public DownloadJob accountFailure(JobError error, Instant now, PollPolicy policy) {
        requireAnswerable("record an account failure for");
        if (state == JobState.READY) {
            return readyWithoutRefresh(calls + 1, consecutiveErrors, error, now);
        }
        Instant next = earliest(policy.nextPoll(now, id, calls + 1), deadline);
        return new DownloadJob(id, tenant, account, fileId, zipName, state, null, calls + 1, consecutiveErrors,
                next, deadline, createdAt, now, null, error, null, version);
    }

    /** The deadline passed while upstream was still working (or never answered). */
    public DownloadJob timedOut(Instant now) {
        if (!state.isPolled()) {
            throw new IllegalTransitionException(state, "time out");
        }
        JobError error = JobError.of(JobErrorCode.DEADLINE_EXCEEDED,
                "no download URL before the deadline " + deadline);
        return finish(JobState.TIMED_OUT, calls, consecutiveErrors, lastError == null ? error
                : new JobError(JobErrorCode.DEADLINE_EXCEEDED, lastError.upstreamCode(),
                        error.message() + "; the last error: " + lastError.message(), lastError.traceId()), now);
    }

    public DownloadJob cancel(Instant now) {
        if (state.isTerminal()) {
            throw new IllegalTransitionException(state, "cancel");
        }
        return finish(JobState.CANCELLED, calls, consecutiveErrors, lastError, now);
    }

    /** Back to PENDING with a new deadline: for a full space that was freed, or a failure worth another go. */
    public DownloadJob retry(Instant now, PollPolicy policy) {
        if (!state.isRetryable()) {
            throw new IllegalTransitionException(state, "retry");
        }
        return new DownloadJob(id, tenant, account, fileId, zipName, JobState.PENDING, null, calls, 0,
                now, policy.deadline(now), createdAt, now, null, null, null, version);
    }

    /** A user wants the link of a READY job and the stored one is about to expire: ask upstream again. */
    public DownloadJob requestFreshUrl(Instant now) {
        if (state != JobState.READY) {
            throw new IllegalTransitionException(state, "refresh the download URL of");
        }
        Instant requested = urlRequestedAt == null ? now : urlRequestedAt;
        return new DownloadJob(id, tenant, account, fileId, zipName, state, downloadUrl, calls, consecutiveErrors,
                now, deadline, createdAt, now, finishedAt, lastError, requested, version);
    }

    /** Whether the job still waits for upstream but its deadline has passed. */
    public boolean isOverdue(Instant now) {
        return state.isPolled() && !now.isBefore(deadline);
    }

    /** Whether the job is READY with a link that works for at least {@code atLeast} more. */
    public boolean hasUrlValidFor(Instant now, Duration atLeast) {
        return state == JobState.READY && downloadUrl.isValidFor(now, atLeast);
    }

    /** Whether an upstream call for this job is wanted at {@code now}. */
    public boolean isDue(Instant now) {
        return nextPollAt != null && !nextPollAt.isAfter(now);
    }

    /** The identity of "the same job": at most one active job per key. */
    public JobKey key() {
        return new JobKey(tenant, account, fileId, zipName);
    }

    /** For repositories: the same job as stored under {@code newVersion}. */
    public DownloadJob withVersion(long newVersion) {
        return new DownloadJob(id, tenant, account, fileId, zipName, state, downloadUrl, calls, consecutiveErrors,
                nextPollAt, deadline, createdAt, updatedAt, finishedAt, lastError, urlRequestedAt, newVersion);
    }

    private DownloadJob finish(JobState terminal, int newCalls, int errors, JobError error, Instant now) {
        return new DownloadJob(id, tenant, account, fileId, zipName, terminal, null, newCalls, errors,
                null, deadline, createdAt, now, now, error, null, version);
    }

    private DownloadJob readyWithoutRefresh(int newCalls, int errors, JobError error, Instant now) {
        return new DownloadJob(id, tenant, account, fileId, zipName, JobState.READY, downloadUrl, newCalls, errors,
                null, deadline, createdAt, now, finishedAt, error, null, version);
    }

    private void requireAnswerable(String action) {
        if (!state.isActive()) {
            throw new IllegalTransitionException(state, action);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Tenant, account, file and zip name: what makes two submissions the same job. */
    public record JobKey(Tenant tenant, AccountName account, FileId fileId, ZipName zipName) {
        public JobKey {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(fileId, "fileId");
            Objects.requireNonNull(zipName, "zipName");
        }
    }
}
