package io.transcodezip.core.usecase;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.domain.Tenant;
import io.transcodezip.core.port.in.CancelDownloadJobUseCase;
import io.transcodezip.core.port.in.FreshDownloadUrlUseCase;
import io.transcodezip.core.port.in.FreshUrlUnavailableException;
import io.transcodezip.core.port.in.GetDownloadJobUseCase;
import io.transcodezip.core.port.in.JobNotFoundException;
import io.transcodezip.core.port.in.JobNotReadyException;
import io.transcodezip.core.port.in.ListDownloadJobsUseCase;
import io.transcodezip.core.port.in.RetryDownloadJobUseCase;
import io.transcodezip.core.port.in.StartDownloadAllCommand;
import io.transcodezip.core.port.in.StartDownloadAllUseCase;
import io.transcodezip.core.port.in.StartedJob;
import io.transcodezip.core.port.in.UnknownAccountException;
import io.transcodezip.core.port.out.ConcurrentJobUpdateException;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.DuplicateActiveJobException;
import io.transcodezip.core.port.out.JobPage;
import io.transcodezip.core.port.out.JobQuery;
import io.transcodezip.core.port.out.JobSignals;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a caller of the service can do with jobs. Upstream is never called from here: the poller does
 * that, within the account's budget, and a caller who needs an answer waits for the poller.
 */
public final class DownloadJobService implements StartDownloadAllUseCase, GetDownloadJobUseCase,
        ListDownloadJobsUseCase, CancelDownloadJobUseCase, RetryDownloadJobUseCase, FreshDownloadUrlUseCase {

    /** How long a caller waits for a fresh link before it is told to come back. */
    public static final Duration FRESH_URL_WAIT = Duration.ofSeconds(10);
    /** Waiters re-read the job at least this often: a change made by another instance sends no signal here. */
    static final Duration RECHECK = Duration.ofMillis(500);
    private static final int UPDATE_ATTEMPTS = 5;

    private final DownloadJobRepository jobs;
    private final JobSignals signals;
    private final InstantSource clock;
    private final PollPolicy policy;
    private final Set<AccountName> accounts;
    private final Duration freshUrlWait;

    public DownloadJobService(DownloadJobRepository jobs, JobSignals signals, InstantSource clock, PollPolicy policy,
                              Set<AccountName> accounts) {
        this(jobs, signals, clock, policy, accounts, FRESH_URL_WAIT);
    }

    public DownloadJobService(DownloadJobRepository jobs, JobSignals signals, InstantSource clock, PollPolicy policy,
                              Set<AccountName> accounts, Duration freshUrlWait) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.accounts = Set.copyOf(accounts);
        this.freshUrlWait = Objects.requireNonNull(freshUrlWait, "freshUrlWait");
    }

    @Override
    public StartedJob start(StartDownloadAllCommand command) {
        if (!accounts.contains(command.account())) {
            throw new UnknownAccountException(command.account());
        }
        DownloadJob job = DownloadJob.submit(UUID.randomUUID(), command.tenant(), command.account(),
                command.fileId(), command.zipName(), clock.instant(), policy);
        DownloadJobRepository.Submission stored = jobs.createOrGetActive(job);
        if (stored.created()) {
            signals.wakePoller();
        }
        return new StartedJob(stored.job(), stored.created());
    }

    @Override
    public DownloadJob get(Tenant tenant, UUID id) {
        return jobs.find(tenant, id).orElseThrow(() -> new JobNotFoundException(id));
    }

    @Override
    public DownloadJob awaitSettled(Tenant tenant, UUID id, Duration wait) throws InterruptedException {
        return await(tenant, id, wait, job -> job.state() == JobState.READY || job.state().isTerminal());
    }

    @Override
    public JobPage list(JobQuery query) {
        return jobs.list(query);
    }

    @Override
    public DownloadJob cancel(Tenant tenant, UUID id) {
        return change(tenant, id, job -> job.cancel(clock.instant()));
    }

    @Override
    public DownloadJob retry(Tenant tenant, UUID id) {
        DownloadJob retried = change(tenant, id, job -> {
            DownloadJob next = job.retry(clock.instant(), policy);
            jobs.findActive(next.key()).ifPresent(active -> {
                throw new DuplicateActiveJobException(active.id());
            });
            return next;
        });
        signals.wakePoller();
        return retried;
    }

    @Override
    public DownloadUrl freshUrl(Tenant tenant, UUID id) throws InterruptedException {
        Duration minValidity = policy.minUrlValidity();
        DownloadJob job = get(tenant, id);
        if (job.state() != JobState.READY) {
            throw new JobNotReadyException(job.state());
        }
        if (job.hasUrlValidFor(clock.instant(), minValidity)) {
            return job.downloadUrl();
        }
        change(tenant, id, current -> {
            if (current.state() != JobState.READY) {
                throw new JobNotReadyException(current.state());
            }
            return current.requestFreshUrl(clock.instant());
        });
        signals.wakePoller();
        DownloadJob after = await(tenant, id, freshUrlWait,
                current -> current.hasUrlValidFor(clock.instant(), minValidity) || current.state().isTerminal());
        if (after.hasUrlValidFor(clock.instant(), minValidity)) {
            return after.downloadUrl();
        }
        if (after.state().isTerminal()) {
            throw new JobNotReadyException(after.state());
        }
        throw new FreshUrlUnavailableException("no fresh download URL within " + freshUrlWait.toSeconds()
                + " s; upstream is slow or the account's call budget is busy", freshUrlWait);
    }

    private DownloadJob await(Tenant tenant, UUID id, Duration wait, Predicate<DownloadJob> settled)
            throws InterruptedException {
        Instant until = clock.instant().plus(wait);
        DownloadJob job = get(tenant, id);
        while (!settled.test(job)) {
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return job;
            }
            signals.awaitChange(id, left.compareTo(RECHECK) < 0 ? left : RECHECK);
            job = get(tenant, id);
        }
        return job;
    }

    /** Read, transform, write with the version read; on a concurrent change, read again and redo. */
    private DownloadJob change(Tenant tenant, UUID id, UnaryOperator<DownloadJob> transition) {
        for (int attempt = 1; ; attempt++) {
            DownloadJob current = get(tenant, id);
            try {
                DownloadJob stored = jobs.update(transition.apply(current));
                signals.jobChanged(id);
                return stored;
            } catch (ConcurrentJobUpdateException raced) {
                if (attempt >= UPDATE_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
