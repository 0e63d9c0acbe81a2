package io.transcodezip.core.usecase;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.JobError;
import io.transcodezip.core.domain.JobErrorCode;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.port.in.PollDueJobsUseCase;
import io.transcodezip.core.port.in.PollReport;
import io.transcodezip.core.port.out.CallBudget;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.DownloadJobRepository.ClaimedJob;
import io.transcodezip.core.port.out.JobSignals;
import io.transcodezip.core.port.out.PollObserver;
import io.transcodezip.core.port.out.Sleeper;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tick of the poller. Per account: claim the due jobs, best first (the repository orders them);
 * for each, wait for a call slot from the cluster-wide budget, call upstream on the executor, and store
 * the answer fenced by the lease. Jobs left without a slot are given back at once. No transaction or
 * lock is held while upstream is called.
 */
public final class PollDueJobsService implements PollDueJobsUseCase {

    private final DownloadJobRepository jobs;
    private final TranscodeGateway gateway;
    private final CallBudget budget;
    private final JobSignals signals;
    private final InstantSource clock;
    private final PollPolicy policy;
    private final List<AccountName> accounts;
    private final PollerSettings settings;
    private final Executor executor;
    private final Sleeper sleeper;
    private final PollObserver observer;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean stopped;

    public PollDueJobsService(DownloadJobRepository jobs, TranscodeGateway gateway, CallBudget budget,
                              JobSignals signals, InstantSource clock, PollPolicy policy, List<AccountName> accounts,
                              PollerSettings settings, Executor executor, Sleeper sleeper, PollObserver observer) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.accounts = List.copyOf(accounts);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public PollReport pollOnce() {
        PollReport report = PollReport.NOTHING;
        for (AccountName account : accounts) {
            if (stopped) {
                break;
            }
            report = report.plus(pollAccount(account));
        }
        return report;
    }

    @Override
    public int stop(Duration grace) throws InterruptedException {
        stopped = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return jobs.releaseAll(settings.owner());
    }

    /** Upstream calls under way now. */
    public int inFlight() {
        return inFlight.get();
    }

    private PollReport pollAccount(AccountName account) {
        int room = settings.maxInFlight() - inFlight.get();
        if (room <= 0) {
            return PollReport.NOTHING;
        }
        Instant now = clock.instant();
        List<ClaimedJob> claims = jobs.claimDue(account, now, Math.min(room, settings.claimBatch()),
                settings.owner(), settings.leaseTime());
        int called = 0;
        int timedOut = 0;
        for (int i = 0; i < claims.size(); i++) {
            ClaimedJob claim = claims.get(i);
            DownloadJob job = claim.job();
            observer.claimed(job, lag(job, now), claim.takeover());
            Instant at = clock.instant();
            if (job.isOverdue(at)) {
                complete(claim, job.timedOut(at));
                timedOut++;
                continue;
            }
            Optional<Duration> slot = stopped ? Optional.<Duration>empty() : budget.reserve(account, settings.slotWait());
            observer.budgetWait(account, slot.orElse(settings.slotWait()), slot.isPresent());
            if (slot.isEmpty()) {
                List<ClaimedJob> rest = claims.subList(i, claims.size());
                jobs.release(rest);
                return new PollReport(claims.size(), called, timedOut, rest.size());
            }
            start(claim, clock.instant().plus(slot.get()));
            called++;
        }
        return new PollReport(claims.size(), called, timedOut, 0);
    }

    /** Hands the call to the executor; it leaves at {@code sendAt}, the beginning of its budget slot. */
    private void start(ClaimedJob claim, Instant sendAt) {
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                observer.callStarting(claim.job());
                try {
                    call(claim, sendAt);
                } finally {
                    observer.callEnded(claim.job());
                    finished();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            finished();
            jobs.release(List.of(claim));
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void call(ClaimedJob claim, Instant sendAt) {
        DownloadJob job = claim.job();
        AccountName account = job.account();
        long started = 0;
        DownloadJob outcome;
        String outcomeName;
        String traceId = null;
        try {
            gateway.prepare(account);
            // Stopping: a call that has not left yet is given back for another instance to make.
            if (!waitForSlot(account, sendAt) || stopped) {
                jobs.release(List.of(claim));
                return;
            }
            started = System.nanoTime();
            DownloadAllResult result = gateway.requestDownloadAll(account, job.fileId(), job.zipName());
            budget.recovered(account);
            Instant now = clock.instant();
            if (result instanceof DownloadAllResult.Ready ready) {
                outcome = job.ready(ready.url(), now);
                outcomeName = "ready";
            } else if (result instanceof DownloadAllResult.SpaceFull) {
                outcome = job.spaceFull(now);
                outcomeName = "full";
            } else {
                outcome = job.packaging(now, policy);
                outcomeName = "packaging";
            }
        } catch (TranscodeGatewayException failure) {
            Instant now = clock.instant();
            traceId = failure.traceId();
            outcome = applyFailure(job, failure, now);
            outcomeName = failure.kind().name().toLowerCase(Locale.ROOT);
        } catch (RuntimeException bug) {
            // A bug, not an answer: the lease runs out and the job is polled again.
            observer.failed(job, bug);
            return;
        }
        Duration latency = started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        observer.called(job, outcome, outcomeName, latency, traceId);
        complete(claim, outcome);
    }

    /**
     * Waits until the slot begins. A task that comes too late for its slot (preparing took long) takes
     * a new one rather than crowding the next slot's call; false when none is free.
     */
    private boolean waitForSlot(AccountName account, Instant sendAt) {
        try {
            Duration until = Duration.between(clock.instant(), sendAt);
            if (!until.isNegative()) {
                sleeper.sleep(until);
                return true;
            }
            if (until.negated().compareTo(CallBudget.SEND_TOLERANCE) <= 0) {
                return true;
            }
            Optional<Duration> again = budget.reserve(account, settings.slotWait());
            observer.budgetWait(account, again.orElse(settings.slotWait()), again.isPresent());
            if (again.isEmpty()) {
                return false;
            }
            sleeper.sleep(again.get());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private DownloadJob applyFailure(DownloadJob job, TranscodeGatewayException failure, Instant now) {
        AccountName account = job.account();
        JobError error = new JobError(errorCode(failure.kind()), failure.upstreamCode(), failure.getMessage(),
                failure.traceId());
        switch (failure.kind()) {
            case REJECTED:
                budget.recovered(account);
                return job.rejected(error, now);
            case RATE_LIMITED:
            case UNAUTHORIZED:
                // Only what upstream said slows the account; running out of our own budget does not.
                if (failure.upstreamCode() != null || failure.kind() == TranscodeGatewayException.Kind.UNAUTHORIZED) {
                    budget.throttle(account);
                }
                return job.accountFailure(error, now, policy);
            case UNAVAILABLE:
            default:
                return job.transientFailure(error, now, policy);
        }
    }

    private void complete(ClaimedJob claim, DownloadJob outcome) {
        try {
            if (jobs.completeClaim(claim, outcome).isPresent()) {
                signals.jobChanged(outcome.id());
            } else {
                observer.fenced(outcome);
            }
        } catch (RuntimeException storeFailed) {
            // The lease runs out and the job is polled again.
            observer.failed(claim.job(), storeFailed);
        }
    }

    private static Duration lag(DownloadJob job, Instant now) {
        if (job.nextPollAt() == null || job.nextPollAt().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(job.nextPollAt(), now);
    }

    static JobErrorCode errorCode(TranscodeGatewayException.Kind kind) {
        switch (kind) {
            case RATE_LIMITED:
                return JobErrorCode.RATE_LIMITED;
            case UNAUTHORIZED:
                return JobErrorCode.UNAUTHORIZED;
            case REJECTED:
                return JobErrorCode.UPSTREAM_REJECTED;
            case UNAVAILABLE:
            default:
                return JobErrorCode.UPSTREAM_UNAVAILABLE;
        }
    }
}
