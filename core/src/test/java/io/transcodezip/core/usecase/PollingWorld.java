package io.transcodezip.core.usecase;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.in.PollReport;
import io.transcodezip.core.port.in.StartDownloadAllCommand;
import io.transcodezip.core.port.out.PollObserver;
import io.transcodezip.core.testing.ClockSleeper;
import io.transcodezip.core.testing.InMemoryCallBudget;
import io.transcodezip.core.testing.InMemoryDownloadJobRepository;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.MutableClock;
import io.transcodezip.core.testing.RecordingJobSignals;
import io.transcodezip.core.testing.ScriptedTranscodeGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Both use cases over the fakes, sharing one clock; upstream calls run in the ticking thread. */
final class PollingWorld {

    static final PollPolicy EXACT = new PollPolicy(Duration.ofSeconds(10), 0, Duration.ofMinutes(5),
            Duration.ofHours(1), 5, Duration.ofSeconds(60));
    static final Duration TICK = Duration.ofSeconds(1);

    final MutableClock clock = new MutableClock();
    final InMemoryDownloadJobRepository repository = new InMemoryDownloadJobRepository(clock);
    final ScriptedTranscodeGateway gateway = new ScriptedTranscodeGateway();
    final InMemoryCallBudget budget;
    final RecordingJobSignals signals = new RecordingJobSignals(clock);
    final ClockSleeper sleeper = new ClockSleeper(clock);
    final List<String> outcomes = new ArrayList<>();
    final List<DownloadJob> fenced = new ArrayList<>();
    final PollDueJobsService poller;
    final DownloadJobService jobs;

    PollingWorld() {
        this(EXACT, 1.0, 1);
    }

    PollingWorld(PollPolicy policy, double callsPerSecond, int claimBatch) {
        budget = new InMemoryCallBudget(clock, callsPerSecond);
        PollObserver observer = new PollObserver() {
            @Override
            public void called(DownloadJob before, DownloadJob after, String outcome, Duration latency, String traceId) {
                outcomes.add(outcome);
            }

            @Override
            public void fenced(DownloadJob outcome) {
                fenced.add(outcome);
            }
        };
        poller = new PollDueJobsService(repository, gateway, budget, signals, clock, policy,
                List.of(AccountName.DEFAULT, AccountName.of("second")),
                new PollerSettings("test-poller", Duration.ofSeconds(30), claimBatch, TICK, 8),
                Runnable::run, sleeper, observer);
        jobs = new DownloadJobService(repository, signals, clock, policy,
                Set.of(AccountName.DEFAULT, AccountName.of("second")));
    }

    DownloadJob submit(long fileId) {
        return jobs.start(new StartDownloadAllCommand(Jobs.TENANT, AccountName.DEFAULT, FileId.of(fileId),
                ZipName.of("z" + fileId + ".zip"))).job();
    }

    DownloadJob reload(DownloadJob job) {
        return jobs.get(Jobs.TENANT, job.id());
    }

    /** Lets {@code ticks} ticks pass, polling at each. */
    PollReport run(int ticks) {
        PollReport total = PollReport.NOTHING;
        for (int i = 0; i < ticks; i++) {
            total = total.plus(poller.pollOnce());
            clock.advance(TICK);
        }
        return total;
    }
}
