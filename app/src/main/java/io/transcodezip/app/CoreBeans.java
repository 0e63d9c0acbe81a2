package io.transcodezip.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.transcodezip.adapters.http.out.Pan123Accounts;
import io.transcodezip.app.ops.AccountStatus;
import io.transcodezip.app.ops.CompositePollObserver;
import io.transcodezip.app.ops.LoggingPollObserver;
import io.transcodezip.app.ops.MetricsPollObserver;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.port.out.CallBudget;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.JobSignals;
import io.transcodezip.core.port.out.PollObserver;
import io.transcodezip.core.port.out.Sleeper;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.usecase.DownloadJobService;
import io.transcodezip.core.usecase.PollDueJobsService;
import io.transcodezip.core.usecase.PollerSettings;
import io.transcodezip.core.usecase.PurgeFinishedJobsService;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one place where core's use cases are built, from configuration and the adapters' ports. */
public class CoreBeans {

    /** Millisecond ticks: what the database stores losslessly, and plenty for polling. */
    @Produces
    @Singleton
    InstantSource clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Produces
    @Singleton
    PollPolicy pollPolicy(TranscodeZipConfig config) {
        TranscodeZipConfig.Poll poll = config.poll();
        return new PollPolicy(poll.interval(), poll.jitter(), poll.maxBackoff(), poll.maxWait(), poll.maxErrors(),
                PollPolicy.DEFAULT.minUrlValidity());
    }

    @Produces
    @Singleton
    DownloadJobService downloadJobs(DownloadJobRepository jobs, JobSignals signals, InstantSource clock,
                                    PollPolicy policy, Pan123Accounts accounts) {
        return new DownloadJobService(jobs, signals, clock, policy, accounts.names());
    }

    @Produces
    @Singleton
    PurgeFinishedJobsService purge(DownloadJobRepository jobs, InstantSource clock, TranscodeZipConfig config) {
        return new PurgeFinishedJobsService(jobs, clock, config.retention().age(), config.retention().batchSize());
    }

    @Produces
    @Singleton
    PollDueJobsService poller(DownloadJobRepository jobs, TranscodeGateway gateway, CallBudget budget,
                              JobSignals signals, InstantSource clock, PollPolicy policy, Pan123Accounts accounts,
                              TranscodeZipConfig config, @Named("upstream-calls") ExecutorService calls,
                              PollObserver observer,
                              @ConfigProperty(name = "pan123.rate.download-all", defaultValue = "1") double rate) {
        TranscodeZipConfig.Poll poll = config.poll();
        // A tick reserves the slots until the next tick plus one, so the schedule never runs dry in between
        // (Quarkus's scheduler fires at most once a second, whatever the tick says).
        int claimBatch = (int) Math.ceil(rate * poll.tick().toMillis() / 1000.0) + 1;
        Duration slotWait = poll.tick().plusMillis((long) Math.ceil(1000.0 / rate));
        PollerSettings settings = new PollerSettings(config.instanceId().orElseGet(CoreBeans::defaultInstanceId),
                poll.lease(), claimBatch, slotWait, poll.maxInFlight());
        List<AccountName> names = new ArrayList<>(accounts.names());
        return new PollDueJobsService(jobs, gateway, budget, signals, clock, policy, names, settings, calls,
                Sleeper.SYSTEM, observer);
    }

    @Produces
    @Singleton
    @Named("upstream-calls")
    ExecutorService upstreamCalls(TranscodeZipConfig config) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "upstream-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(config.poll().maxInFlight(), threads);
    }

    void closeUpstreamCalls(@Disposes @Named("upstream-calls") ExecutorService calls) {
        calls.shutdown();
    }

    @Produces
    @Singleton
    @Typed(AccountStatus.class)
    AccountStatus accountStatus(InstantSource clock) {
        return new AccountStatus(clock);
    }

    /** Logs, metrics and the accounts' status for readiness, all from what the poller reports. */
    @Produces
    @Singleton
    PollObserver pollObserver(MeterRegistry registry, AccountStatus accountStatus) {
        return new CompositePollObserver(List.of(new LoggingPollObserver(), new MetricsPollObserver(registry),
                accountStatus));
    }

    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "instance";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = host + "-" + suffix;
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
