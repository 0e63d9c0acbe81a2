package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadJob.JobKey;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where jobs live, shared by every instance. Every write bumps the job's version; a write made from
 * a stale version, or by a poller whose lease was lost, is refused instead of overwriting newer work.
 */
public interface DownloadJobRepository {

    /**
     * The order {@link #claimDue} hands jobs out in, best first: never called yet (their first call
     * starts the packaging), then READY jobs whose user waits for a fresh link, then the earliest due.
     */
    Comparator<DownloadJob> CLAIM_ORDER = Comparator
            .comparing((DownloadJob j) -> j.state() != JobState.PENDING)
            .thenComparing(j -> j.urlRequestedAt() == null)
            .thenComparing(DownloadJob::nextPollAt);

    /** Stores a new job, unless its key already has an active job: then that one is returned. */
    Submission createOrGetActive(DownloadJob job);

    Optional<DownloadJob> find(Tenant tenant, UUID id);

    Optional<DownloadJob> findActive(JobKey key);

    /** A page of a tenant's jobs, newest first. */
    JobPage list(JobQuery query);

    /**
     * Stores a change made by a user (cancel, retry, a request for a fresh link).
     *
     * @return the job as stored, with its new version
     * @throws ConcurrentJobUpdateException when the stored version is no longer {@code job.version()}
     * @throws DuplicateActiveJobException  when the change would make a second active job of one key
     */
    DownloadJob update(DownloadJob job);

    /**
     * Takes up to {@code limit} of the account's active jobs due at {@code now} that nobody holds (or
     * whose holder's lease ran out), in {@link #CLAIM_ORDER}. Each gets a lease for {@code owner} that lasts
     * {@code leaseTime} by the store's clock. The claim is committed before this returns.
     */
    List<ClaimedJob> claimDue(AccountName account, Instant now, int limit, String owner, Duration leaseTime);

    /**
     * Stores the outcome of a claimed job's call and ends the lease, only if the lease is still ours
     * and nobody changed the job since the claim.
     *
     * @return the job as stored, or empty when the write was fenced off (and so dropped)
     */
    Optional<DownloadJob> completeClaim(ClaimedJob claim, DownloadJob outcome);

    /** Gives leases back without changing the jobs, so any instance may claim them at once. */
    void release(Collection<ClaimedJob> claims);

    /** Gives back every lease {@code owner} holds (shutdown); returns how many. */
    int releaseAll(String owner);

    /** Deletes up to {@code batchSize} jobs that finished before {@code cutoff}; returns how many. */
    int deleteFinishedBefore(Instant cutoff, int batchSize);

    /** How many jobs there are, per account and state (states without jobs are left out). */
    List<StateCount> countByAccountAndState();

    /** One line of {@link #countByAccountAndState()}. */
    record StateCount(AccountName account, JobState state, long count) {
    }

    /** The outcome of {@link #createOrGetActive}: the job, and whether it was created just now. */
    record Submission(DownloadJob job, boolean created) {
    }

    /**
     * A job held by one poller until {@code leaseUntil}.
     *
     * @param takeover whether the job was taken from a holder whose lease ran out (it died or hung)
     */
    record ClaimedJob(DownloadJob job, String owner, String leaseToken, Instant leaseUntil, boolean takeover) {
    }
}
