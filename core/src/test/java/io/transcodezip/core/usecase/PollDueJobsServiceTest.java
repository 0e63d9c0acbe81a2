package io.transcodezip.core.usecase;

import static io.transcodezip.core.testing.ScriptedTranscodeGateway.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.JobErrorCode;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.port.in.PollReport;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.DownloadJobRepository.ClaimedJob;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PollDueJobsServiceTest {

    private static final DownloadAllResult PACKAGING = new DownloadAllResult.Packaging();

    private final PollingWorld world = new PollingWorld();

    private DownloadAllResult.Ready ready(Duration lifetime) {
        Instant now = world.clock.instant();
        return new DownloadAllResult.Ready(DownloadUrl.parse(Jobs.platformUrl(now.plus(lifetime)), now));
    }

    @Test
    void aNewJob_isCalledInTheFirstTick_thenEveryInterval_untilReady() {
        world.gateway.script(FileId.of(1), PACKAGING, PACKAGING, ready(Duration.ofMinutes(5)));
        Instant submitted = world.clock.instant();
        DownloadJob job = world.submit(1);
        assertThat(world.signals.wakeups()).as("a submission wakes the poller").isEqualTo(1);

        world.run(1);
        assertThat(world.reload(job).state()).isEqualTo(JobState.PACKAGING);
        assertThat(world.gateway.callsFor(FileId.of(1))).isEqualTo(1);

        world.run(9);
        assertThat(world.gateway.callsFor(FileId.of(1))).as("not before the interval").isEqualTo(1);

        world.run(11);
        DownloadJob done = world.reload(job);
        assertThat(done.state()).isEqualTo(JobState.READY);
        assertThat(done.calls()).isEqualTo(3);
        assertThat(done.finishedAt()).isEqualTo(submitted.plusSeconds(20));
        assertThat(done.downloadUrl().expiresAt()).as("the token's exp").isEqualTo(submitted.plus(Duration.ofMinutes(5)));
        assertThat(world.outcomes).containsExactly("packaging", "packaging", "ready");
        assertThat(world.signals.changed()).contains(job.id());
    }

    @Test
    void spaceFull_endsTheJob() {
        world.gateway.script(FileId.of(2), new DownloadAllResult.SpaceFull());
        DownloadJob job = world.submit(2);

        world.run(3);

        assertThat(world.reload(job).state()).isEqualTo(JobState.SPACE_FULL);
        assertThat(world.gateway.callsFor(FileId.of(2))).isEqualTo(1);
    }

    @Test
    void aRejection_failsTheJob_withTheUpstreamCode() {
        world.gateway.script(FileId.of(3), failure(Kind.REJECTED, 5066, "文件不存在"));
        DownloadJob job = world.submit(3);

        world.run(3);

        DownloadJob failed = world.reload(job);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError().code()).isEqualTo(JobErrorCode.UPSTREAM_REJECTED);
        assertThat(failed.lastError().upstreamCode()).isEqualTo(5066);
        assertThat(failed.lastError().traceId()).isEqualTo("trace-rejected");
        assertThat(world.outcomes).containsExactly("rejected");
    }

    @Test
    void transientFailures_backOff_thenFailTheJob() {
        world.gateway.script(FileId.of(4), failure(Kind.UNAVAILABLE, null, "HTTP 503"));
        DownloadJob job = world.submit(4);

        world.run(1);
        DownloadJob once = world.reload(job);
        assertThat(once.state()).isEqualTo(JobState.PENDING);
        assertThat(once.consecutiveErrors()).isEqualTo(1);

        world.run(10 + 20 + 40 + 80 + 5);
        DownloadJob failed = world.reload(job);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError().code()).isEqualTo(JobErrorCode.TOO_MANY_ERRORS);
        assertThat(world.gateway.callsFor(FileId.of(4))).isEqualTo(5);
    }

    @Test
    void rateLimited_slowsTheAccount_butNotTheJobsErrorCount_andSuccessRestoresTheRate() {
        world.gateway.script(FileId.of(5), failure(Kind.RATE_LIMITED, 429, "请求太频繁"), PACKAGING);
        DownloadJob job = world.submit(5);

        world.run(1);
        DownloadJob limited = world.reload(job);
        assertThat(limited.state()).isEqualTo(JobState.PENDING);
        assertThat(limited.consecutiveErrors()).isZero();
        assertThat(limited.lastError().code()).isEqualTo(JobErrorCode.RATE_LIMITED);
        assertThat(world.budget.slowdownLevel(AccountName.DEFAULT)).isEqualTo(1);

        world.run(15);
        assertThat(world.reload(job).state()).isEqualTo(JobState.PACKAGING);
        assertThat(world.budget.slowdownLevel(AccountName.DEFAULT)).isZero();
    }

    @Test
    void unauthorized_neverFailsTheJob_onlyTheDeadlineEndsIt() {
        PollingWorld shortWait = new PollingWorld(PollingWorld.EXACT.withMaxWait(Duration.ofMinutes(10)), 1.0, 1);
        shortWait.gateway.script(FileId.of(6), failure(Kind.UNAUTHORIZED, 401, "token invalid"));
        DownloadJob job = shortWait.submit(6);

        shortWait.run(9 * 60);
        DownloadJob stillTrying = shortWait.reload(job);
        assertThat(stillTrying.state()).isEqualTo(JobState.PENDING);
        assertThat(stillTrying.lastError().code()).isEqualTo(JobErrorCode.UNAUTHORIZED);
        assertThat(stillTrying.calls()).isGreaterThan(PollingWorld.EXACT.maxConsecutiveErrors());

        shortWait.run(2 * 60);
        DownloadJob timedOut = shortWait.reload(job);
        assertThat(timedOut.state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(timedOut.lastError().code()).isEqualTo(JobErrorCode.DEADLINE_EXCEEDED);
        assertThat(timedOut.lastError().upstreamCode()).isEqualTo(401);
    }

    @Test
    void aJobPastItsDeadline_timesOutWithoutACall() {
        DownloadJob job = world.submit(7);
        world.run(1);
        long callsBefore = world.gateway.callsFor(FileId.of(7));

        world.clock.advance(Duration.ofHours(2));
        PollReport report = world.run(1);

        assertThat(report.timedOut()).isEqualTo(1);
        assertThat(world.reload(job).state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(world.gateway.callsFor(FileId.of(7))).isEqualTo(callsBefore);
    }

    @Test
    void aCancelledJob_isNeverCalledAgain() {
        DownloadJob job = world.submit(8);
        world.run(1);
        world.jobs.cancel(Jobs.TENANT, job.id());

        world.run(60);

        assertThat(world.reload(job).state()).isEqualTo(JobState.CANCELLED);
        assertThat(world.gateway.callsFor(FileId.of(8))).isEqualTo(1);
    }

    @Test
    void aRetriedJob_isCalledAgain_andCanFinish() {
        world.gateway.script(FileId.of(9), new DownloadAllResult.SpaceFull(), ready(Duration.ofMinutes(5)));
        DownloadJob job = world.submit(9);
        world.run(1);
        assertThat(world.reload(job).state()).isEqualTo(JobState.SPACE_FULL);

        world.jobs.retry(Jobs.TENANT, job.id());
        world.run(1);

        assertThat(world.reload(job).state()).isEqualTo(JobState.READY);
    }

    @Test
    void newJobs_getTheBudgetBeforeRepolls() {
        DownloadJob old = world.submit(10);
        world.run(1);
        world.clock.advance(Duration.ofSeconds(20));
        DownloadJob fresh = world.submit(11);

        world.run(1);

        assertThat(world.gateway.calls()).extracting(c -> c.fileId().value()).containsExactly(10L, 11L);
        assertThat(world.reload(fresh).state()).isEqualTo(JobState.PACKAGING);
        assertThat(world.reload(old).calls()).isEqualTo(1);
        world.run(1);
        assertThat(world.reload(old).calls()).isEqualTo(2);
    }

    @Test
    void withMoreJobsThanTheBudget_everyJobIsPolledAsOften() {
        for (long f = 100; f < 130; f++) {
            world.submit(f);
        }

        world.run(300);

        Map<Long, Long> callsPerJob = world.gateway.calls().stream()
                .collect(Collectors.groupingBy(c -> c.fileId().value(), Collectors.counting()));
        IntSummaryStatistics stats = callsPerJob.values().stream().mapToInt(Long::intValue).summaryStatistics();
        assertThat(callsPerJob).hasSize(30);
        assertThat(stats.getSum()).as("one call per second, none lost").isBetween(290L, 300L);
        assertThat(stats.getMax() - stats.getMin()).as("no job starves").isLessThanOrEqualTo(1);
    }

    @Test
    void theBudget_isNeverExceeded() {
        PollingWorld fast = new PollingWorld(PollingWorld.EXACT, 5.0, 5);
        for (long f = 200; f < 260; f++) {
            fast.submit(f);
        }

        fast.run(60);

        Map<Long, Long> grantsPerSecond = fast.budget.grants().stream()
                .collect(Collectors.groupingBy(Instant::getEpochSecond, Collectors.counting()));
        assertThat(grantsPerSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5));
        assertThat(fast.gateway.calls()).hasSizeGreaterThanOrEqualTo(5 * 60 * 9 / 10);
    }

    @Test
    void jobsWithoutASlot_areGivenBackAtOnce() {
        for (long f = 300; f < 303; f++) {
            world.submit(f);
        }
        PollDueJobsService greedy = new PollDueJobsService(world.repository, world.gateway, world.budget,
                world.signals, world.clock, PollingWorld.EXACT, List.of(AccountName.DEFAULT),
                new PollerSettings("greedy", Duration.ofSeconds(30), 3, Duration.ZERO, 8), Runnable::run,
                world.sleeper, io.transcodezip.core.port.out.PollObserver.NONE);

        PollReport report = greedy.pollOnce();

        assertThat(report.claimed()).isEqualTo(3);
        assertThat(report.called()).isEqualTo(1);
        assertThat(report.released()).isEqualTo(2);
        assertThat(world.repository.claimDue(AccountName.DEFAULT, world.clock.instant(), 10, "other",
                Duration.ofSeconds(30))).as("claimable by anyone at once").hasSize(2);
    }

    @Test
    void anOutcomeForALostLease_isDroppedAndReported() {
        DownloadJob job = world.submit(400);
        List<ClaimedJob> stolen = new ArrayList<>();
        PollDueJobsService slow = new PollDueJobsService(world.repository, (account, fileId, zip) -> {
            // While this call is under way the lease runs out and another instance takes the job.
            world.clock.advance(Duration.ofSeconds(31));
            stolen.addAll(world.repository.claimDue(account, world.clock.instant(), 1, "other", Duration.ofSeconds(30)));
            return PACKAGING;
        }, world.budget, world.signals, world.clock, PollingWorld.EXACT, List.of(AccountName.DEFAULT),
                new PollerSettings("slow", Duration.ofSeconds(30), 1, Duration.ofSeconds(1), 8), Runnable::run,
                world.sleeper, new io.transcodezip.core.port.out.PollObserver() {
                    @Override
                    public void fenced(DownloadJob outcome) {
                        world.fenced.add(outcome);
                    }
                });

        slow.pollOnce();

        assertThat(stolen).hasSize(1);
        assertThat(stolen.get(0).takeover()).isTrue();
        assertThat(world.fenced).extracting(DownloadJob::id).containsExactly(job.id());
        assertThat(world.reload(job).state()).as("the outcome was not stored").isEqualTo(JobState.PENDING);
    }

    @Test
    void stop_givesBackEveryLease_andClaimsNoMore() throws InterruptedException {
        world.submit(500);
        world.repository.claimDue(AccountName.DEFAULT, world.clock.instant(), 10, "test-poller", Duration.ofSeconds(30));

        int released = world.poller.stop(Duration.ofSeconds(1));

        assertThat(released).isEqualTo(1);
        assertThat(world.poller.pollOnce()).isEqualTo(PollReport.NOTHING);
        assertThat(world.repository.claimDue(AccountName.DEFAULT, world.clock.instant(), 10, "other",
                Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void aCallStillWaitingForItsSlotWhenStopping_isGivenBack_notMade() throws InterruptedException {
        DownloadJob job = world.submit(700);
        List<Runnable> queued = new ArrayList<>();
        PollDueJobsService queuing = new PollDueJobsService(world.repository, world.gateway, world.budget,
                world.signals, world.clock, PollingWorld.EXACT, List.of(AccountName.DEFAULT),
                new PollerSettings("queuing", Duration.ofSeconds(30), 1, Duration.ofSeconds(1), 8), queued::add,
                world.sleeper, io.transcodezip.core.port.out.PollObserver.NONE);
        queuing.pollOnce();
        assertThat(queued).hasSize(1);

        Thread stopper = new Thread(() -> {
            try {
                queuing.stop(Duration.ofSeconds(30));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        org.awaitility.Awaitility.await().until(() -> stopper.getState() == Thread.State.TIMED_WAITING);
        queued.get(0).run();
        stopper.join(5_000);

        assertThat(world.gateway.callsFor(FileId.of(700))).isZero();
        assertThat(world.repository.leaseOwner(job.id())).isEmpty();
        assertThat(stopper.isAlive()).isFalse();
    }

    @Test
    void anUnexpectedGatewayBug_leavesTheJobToItsLease() {
        DownloadJob job = world.submit(600);
        world.gateway.script(FileId.of(600), new IllegalStateException("bug"));

        world.run(1);

        assertThat(world.reload(job).state()).isEqualTo(JobState.PENDING);
        assertThat(world.repository.leaseOwner(job.id())).contains("test-poller");
        world.run(31);
        assertThat(world.gateway.callsFor(FileId.of(600))).as("taken over after the lease").isGreaterThan(1);
    }
}
