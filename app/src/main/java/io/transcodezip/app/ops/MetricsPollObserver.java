package io.transcodezip.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.port.out.PollObserver;
import java.time.Duration;

/**
 * The poller's work as Prometheus metrics, all prefixed {@code transcodezip_}: upstream calls by
 * account and outcome, their latency, how late polls are, time to READY, budget waits, lease
 * takeovers and dropped writes.
 */
public class MetricsPollObserver implements PollObserver {

    private final MeterRegistry registry;

    public MetricsPollObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the counters of events that may never happen, at 0. */
    static void registerRareEvents(MeterRegistry registry, AccountName account) {
        takeovers(registry, account);
        fencedWrites(registry, account);
        pollFailures(registry, account);
    }

    @Override
    public void claimed(DownloadJob job, Duration lag, boolean takeover) {
        timer("transcodezip.poll.lag", "How late a job's upstream call is claimed against its due time", job.account())
                .record(lag);
        if (takeover) {
            takeovers(registry, job.account()).increment();
        }
    }

    @Override
    public void budgetWait(AccountName account, Duration waited, boolean granted) {
        Timer.builder("transcodezip.budget.wait")
                .description("Time until a reserved call slot begins; granted=false: no slot was free in time")
                .tag("account", account.value()).tag("granted", Boolean.toString(granted))
                .publishPercentileHistogram().register(registry).record(waited);
    }

    @Override
    public void called(DownloadJob before, DownloadJob after, String outcome, Duration latency, String traceId) {
        Counter.builder("transcodezip.upstream.calls")
                .description("download-all calls by account and outcome")
                .tag("account", after.account().value()).tag("outcome", outcome)
                .register(registry).increment();
        timer("transcodezip.upstream.call", "Latency of download-all calls", after.account()).record(latency);
        if (after.state() == JobState.READY && before.state() != JobState.READY && after.finishedAt() != null) {
            timer("transcodezip.job.ready", "Time from submission to READY", after.account())
                    .record(Duration.between(after.createdAt(), after.finishedAt()));
        }
    }

    @Override
    public void fenced(DownloadJob outcome) {
        fencedWrites(registry, outcome.account()).increment();
    }

    @Override
    public void failed(DownloadJob job, RuntimeException error) {
        pollFailures(registry, job.account()).increment();
    }

    private static Counter takeovers(MeterRegistry registry, AccountName account) {
        return Counter.builder("transcodezip.lease.takeovers")
                .description("Jobs taken from an instance whose lease ran out (it died or hung)")
                .tag("account", account.value()).register(registry);
    }

    private static Counter fencedWrites(MeterRegistry registry, AccountName account) {
        return Counter.builder("transcodezip.fenced.writes")
                .description("Poll outcomes dropped because the lease was lost or the job changed meanwhile")
                .tag("account", account.value()).register(registry);
    }

    private static Counter pollFailures(MeterRegistry registry, AccountName account) {
        return Counter.builder("transcodezip.poll.failures")
                .description("Unexpected failures while polling a job (its lease runs out and it is polled again)")
                .tag("account", account.value()).register(registry);
    }

    private Timer timer(String name, String description, AccountName account) {
        return Timer.builder(name).description(description).tag("account", account.value())
                .publishPercentileHistogram().register(registry);
    }
}
