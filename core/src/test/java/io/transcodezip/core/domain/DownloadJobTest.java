package io.transcodezip.core.domain;

import static io.transcodezip.core.testing.Jobs.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DownloadJobTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final PollPolicy EXACT = new PollPolicy(Duration.ofSeconds(10), 0, Duration.ofMinutes(5),
            Duration.ofHours(1), 3, Duration.ofSeconds(60));
    private static final JobError DOWN = JobError.of(JobErrorCode.UPSTREAM_UNAVAILABLE, "HTTP 503");
    private static final JobError SLOW_DOWN = new JobError(JobErrorCode.RATE_LIMITED, 429, "请求太频繁", "t");

    private final DownloadJob submitted = DownloadJob.submit(java.util.UUID.randomUUID(), Jobs.TENANT,
            AccountName.DEFAULT, FileId.of(2875008), ZipName.of("good.mp4"), T0, EXACT);

    @Test
    void submit_isPending_dueAtOnce_withTheDeadlineOfThePolicy() {
        assertThat(submitted.state()).isEqualTo(JobState.PENDING);
        assertThat(submitted.nextPollAt()).isEqualTo(T0);
        assertThat(submitted.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(submitted.calls()).isZero();
        assertThat(submitted.isDue(T0)).isTrue();
    }

    @Test
    void packaging_countsTheCall_andPollsAgainAfterTheInterval() {
        DownloadJob job = submitted.packaging(T0.plusSeconds(1), EXACT);

        assertThat(job.state()).isEqualTo(JobState.PACKAGING);
        assertThat(job.calls()).isEqualTo(1);
        assertThat(job.nextPollAt()).isEqualTo(T0.plusSeconds(11));
        assertThat(job.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(job.isDue(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void packaging_neverSchedulesPastTheDeadline() {
        DownloadJob job = submitted.packaging(T0.plus(Duration.ofMinutes(59)).plusSeconds(55), EXACT);
        assertThat(job.nextPollAt()).isEqualTo(submitted.deadline());
    }

    @Test
    void ready_keepsTheUrl_stopsPolling_andRecordsTheFinish() {
        DownloadUrl url = Jobs.url(T0.plusSeconds(300));
        DownloadJob job = submitted.packaging(T0, EXACT).ready(url, T0.plusSeconds(10));

        assertThat(job.state()).isEqualTo(JobState.READY);
        assertThat(job.downloadUrl()).isEqualTo(url);
        assertThat(job.nextPollAt()).isNull();
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(job.calls()).isEqualTo(2);
        assertThat(job.hasUrlValidFor(T0.plusSeconds(100), Duration.ofSeconds(60))).isTrue();
        assertThat(job.hasUrlValidFor(T0.plusSeconds(250), Duration.ofSeconds(60))).isFalse();
    }

    @Test
    void spaceFull_isTerminal() {
        DownloadJob job = submitted.spaceFull(T0.plusSeconds(1));

        assertThat(job.state()).isEqualTo(JobState.SPACE_FULL);
        assertThat(job.state().isTerminal()).isTrue();
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(job.nextPollAt()).isNull();
    }

    @Test
    void rejected_failsWithTheUpstreamError() {
        JobError missing = new JobError(JobErrorCode.UPSTREAM_REJECTED, 5066, "文件不存在", "trace");
        DownloadJob job = submitted.rejected(missing, T0);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).isEqualTo(missing);
    }

    @Test
    void transientFailures_backOffExponentially_thenFail() {
        DownloadJob once = submitted.transientFailure(DOWN, T0, EXACT);
        assertThat(once.state()).isEqualTo(JobState.PENDING);
        assertThat(once.consecutiveErrors()).isEqualTo(1);
        assertThat(once.nextPollAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(once.lastError()).isEqualTo(DOWN);

        DownloadJob twice = once.transientFailure(DOWN, T0.plusSeconds(10), EXACT);
        assertThat(twice.nextPollAt()).isEqualTo(T0.plusSeconds(30));

        DownloadJob thrice = twice.transientFailure(DOWN, T0.plusSeconds(30), EXACT);
        assertThat(thrice.state()).isEqualTo(JobState.FAILED);
        assertThat(thrice.lastError().code()).isEqualTo(JobErrorCode.TOO_MANY_ERRORS);
        assertThat(thrice.lastError().message()).contains("3 failures in a row").contains("HTTP 503");
        assertThat(thrice.calls()).isEqualTo(3);
    }

    @Test
    void aGoodAnswer_resetsTheErrorCount() {
        DownloadJob job = submitted.transientFailure(DOWN, T0, EXACT).transientFailure(DOWN, T0, EXACT)
                .packaging(T0, EXACT).transientFailure(DOWN, T0, EXACT);

        assertThat(job.state()).isEqualTo(JobState.PACKAGING);
        assertThat(job.consecutiveErrors()).isEqualTo(1);
    }

    @Test
    void accountFailures_neverCountAgainstTheJob() {
        DownloadJob job = submitted;
        for (int i = 0; i < 50; i++) {
            job = job.accountFailure(SLOW_DOWN, T0.plusSeconds(i), EXACT);
        }
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.consecutiveErrors()).isZero();
        assertThat(job.calls()).isEqualTo(50);
        assertThat(job.lastError()).isEqualTo(SLOW_DOWN);
        assertThat(job.nextPollAt()).isEqualTo(T0.plusSeconds(49 + 10));
    }

    @Test
    void timedOut_endsAJobStillWaitingForUpstream() {
        DownloadJob late = submitted.packaging(T0, EXACT);
        assertThat(late.isOverdue(T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(late.isOverdue(T0.plus(Duration.ofMinutes(59)))).isFalse();

        DownloadJob job = late.timedOut(T0.plus(Duration.ofHours(1)));
        assertThat(job.state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(job.lastError().code()).isEqualTo(JobErrorCode.DEADLINE_EXCEEDED);
    }

    @Test
    void timedOut_keepsTheLastUpstreamError() {
        DownloadJob job = submitted.accountFailure(SLOW_DOWN, T0, EXACT).timedOut(T0.plus(Duration.ofHours(1)));
        assertThat(job.lastError().code()).isEqualTo(JobErrorCode.DEADLINE_EXCEEDED);
        assertThat(job.lastError().upstreamCode()).isEqualTo(429);
        assertThat(job.lastError().message()).contains("请求太频繁");
    }

    @Test
    void cancel_endsAnyUnfinishedJob() {
        assertThat(submitted.cancel(T0).state()).isEqualTo(JobState.CANCELLED);
        assertThat(submitted.packaging(T0, EXACT).cancel(T0).state()).isEqualTo(JobState.CANCELLED);
        DownloadJob cancelledReady = submitted.ready(Jobs.url(T0.plusSeconds(300)), T0).cancel(T0);
        assertThat(cancelledReady.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelledReady.downloadUrl()).isNull();
    }

    @Test
    void retry_startsOverWithANewDeadline_keepingTheCallCount() {
        DownloadJob full = submitted.packaging(T0, EXACT).spaceFull(T0.plusSeconds(10));
        Instant later = T0.plus(Duration.ofHours(3));

        DownloadJob retried = full.retry(later, EXACT);

        assertThat(retried.state()).isEqualTo(JobState.PENDING);
        assertThat(retried.nextPollAt()).isEqualTo(later);
        assertThat(retried.deadline()).isEqualTo(later.plus(Duration.ofHours(1)));
        assertThat(retried.finishedAt()).isNull();
        assertThat(retried.calls()).isEqualTo(2);
    }

    @Test
    void requestFreshUrl_makesAReadyJobDue_andRemembersTheFirstRequest() {
        DownloadJob ready = submitted.ready(Jobs.url(T0.plusSeconds(300)), T0);
        DownloadJob asked = ready.requestFreshUrl(T0.plusSeconds(250)).requestFreshUrl(T0.plusSeconds(251));

        assertThat(asked.state()).isEqualTo(JobState.READY);
        assertThat(asked.urlRequestedAt()).isEqualTo(T0.plusSeconds(250));
        assertThat(asked.isDue(T0.plusSeconds(251))).isTrue();

        DownloadJob fresh = asked.ready(Jobs.url(T0.plusSeconds(600)), T0.plusSeconds(252));
        assertThat(fresh.urlRequestedAt()).isNull();
        assertThat(fresh.nextPollAt()).isNull();
        assertThat(fresh.finishedAt()).as("the packaging finished the first time").isEqualTo(T0);
    }

    @Test
    void aFailedRefresh_leavesTheJobReady_withoutAPendingRequest() {
        DownloadJob asked = submitted.ready(Jobs.url(T0.plusSeconds(300)), T0).requestFreshUrl(T0.plusSeconds(250));

        DownloadJob failed = asked.transientFailure(DOWN, T0.plusSeconds(251), EXACT);
        DownloadJob limited = asked.accountFailure(SLOW_DOWN, T0.plusSeconds(251), EXACT);

        for (DownloadJob job : new DownloadJob[] {failed, limited}) {
            assertThat(job.state()).isEqualTo(JobState.READY);
            assertThat(job.downloadUrl()).isEqualTo(asked.downloadUrl());
            assertThat(job.urlRequestedAt()).isNull();
            assertThat(job.nextPollAt()).isNull();
        }
    }

    @Test
    void aRefreshThatFindsUpstreamPackagingAgain_startsANewWait() {
        DownloadJob asked = submitted.ready(Jobs.url(T0.plusSeconds(300)), T0).requestFreshUrl(T0.plus(Duration.ofHours(2)));
        DownloadJob job = asked.packaging(T0.plus(Duration.ofHours(2)), EXACT);

        assertThat(job.state()).isEqualTo(JobState.PACKAGING);
        assertThat(job.deadline()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(job.nextPollAt()).isEqualTo(T0.plus(Duration.ofHours(2)).plusSeconds(10));
    }

    @Nested
    class IllegalTransitions {

        @ParameterizedTest
        @EnumSource(value = JobState.class, names = {"SPACE_FULL", "FAILED", "TIMED_OUT", "CANCELLED"})
        void aTerminalJob_takesNoAnswerAndCannotBeCancelled(JobState terminal) {
            DownloadJob job = inState(terminal);

            assertIllegal(job, j -> j.packaging(T0, EXACT));
            assertIllegal(job, j -> j.ready(Jobs.url(T0.plusSeconds(300)), T0));
            assertIllegal(job, j -> j.spaceFull(T0));
            assertIllegal(job, j -> j.rejected(DOWN, T0));
            assertIllegal(job, j -> j.transientFailure(DOWN, T0, EXACT));
            assertIllegal(job, j -> j.accountFailure(DOWN, T0, EXACT));
            assertIllegal(job, j -> j.timedOut(T0));
            assertIllegal(job, j -> j.cancel(T0));
            assertIllegal(job, j -> j.requestFreshUrl(T0));
        }

        @ParameterizedTest
        @EnumSource(value = JobState.class, names = {"PENDING", "PACKAGING", "READY", "CANCELLED"})
        void onlyFullFailedOrTimedOutJobs_canBeRetried(JobState state) {
            assertIllegal(inState(state), j -> j.retry(T0, EXACT));
        }

        @ParameterizedTest
        @EnumSource(value = JobState.class, names = {"PENDING", "PACKAGING"})
        void onlyAReadyJob_hasALinkToRefresh(JobState state) {
            assertIllegal(inState(state), j -> j.requestFreshUrl(T0));
        }

        @Test
        void aReadyJob_doesNotTimeOut() {
            assertIllegal(inState(JobState.READY), j -> j.timedOut(T0));
        }

        @Test
        void theErrorSaysWhatWasAttempted() {
            assertThatThrownBy(() -> inState(JobState.CANCELLED).cancel(T0))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("cannot cancel a job that is CANCELLED");
        }

        private void assertIllegal(DownloadJob job, Function<DownloadJob, DownloadJob> transition) {
            assertThatThrownBy(() -> transition.apply(job)).isInstanceOf(IllegalTransitionException.class);
        }
    }

    @Test
    void theConstructorRefusesInconsistentJobs() {
        assertThatThrownBy(() -> new DownloadJob(submitted.id(), submitted.tenant(), submitted.account(),
                submitted.fileId(), submitted.zipName(), JobState.READY, null, 0, 0, null, T0, T0, T0, T0, null,
                null, 0)).hasMessageContaining("READY job has a download URL");
        assertThatThrownBy(() -> new DownloadJob(submitted.id(), submitted.tenant(), submitted.account(),
                submitted.fileId(), submitted.zipName(), JobState.FAILED, null, 0, 0, null, T0, T0, T0, null, null,
                null, 0)).hasMessageContaining("finish time");
        assertThatThrownBy(() -> new DownloadJob(submitted.id(), submitted.tenant(), submitted.account(),
                submitted.fileId(), submitted.zipName(), JobState.PACKAGING, null, 0, 0, null, T0, T0, T0, null, null,
                null, 0)).hasMessageContaining("next poll time");
    }

    static DownloadJob inState(JobState state) {
        DownloadJob job = pending(7, T0);
        switch (state) {
            case PENDING:
                return job;
            case PACKAGING:
                return job.packaging(T0, EXACT);
            case READY:
                return job.ready(Jobs.url(T0.plusSeconds(300)), T0);
            case SPACE_FULL:
                return job.spaceFull(T0);
            case FAILED:
                return job.rejected(DOWN, T0);
            case TIMED_OUT:
                return job.timedOut(job.deadline());
            case CANCELLED:
            default:
                return job.cancel(T0);
        }
    }
}
