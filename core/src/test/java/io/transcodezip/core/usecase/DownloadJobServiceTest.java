package io.transcodezip.core.usecase;

import static io.transcodezip.core.testing.Jobs.OTHER_TENANT;
import static io.transcodezip.core.testing.Jobs.TENANT;
import static io.transcodezip.core.testing.ScriptedTranscodeGateway.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.IllegalTransitionException;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.in.FreshUrlUnavailableException;
import io.transcodezip.core.port.in.JobNotFoundException;
import io.transcodezip.core.port.in.JobNotReadyException;
import io.transcodezip.core.port.in.StartDownloadAllCommand;
import io.transcodezip.core.port.in.StartedJob;
import io.transcodezip.core.port.in.UnknownAccountException;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.DuplicateActiveJobException;
import io.transcodezip.core.port.out.JobQuery;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DownloadJobServiceTest {

    private final PollingWorld world = new PollingWorld();

    private StartedJob start(long fileId, String zip) {
        return world.jobs.start(new StartDownloadAllCommand(TENANT, AccountName.DEFAULT, FileId.of(fileId),
                ZipName.of(zip)));
    }

    private DownloadAllResult.Ready readyFor(Duration lifetime) {
        Instant now = world.clock.instant();
        return new DownloadAllResult.Ready(DownloadUrl.parse(Jobs.platformUrl(now.plus(lifetime)), now));
    }

    @Test
    void start_createsAPendingJob_andSubmittingItAgainReturnsTheSameJob() {
        StartedJob first = start(1, "a.zip");
        StartedJob again = start(1, "a.zip");

        assertThat(first.created()).isTrue();
        assertThat(first.job().state()).isEqualTo(JobState.PENDING);
        assertThat(again.created()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.job().id());
        assertThat(world.signals.wakeups()).as("only a new job wakes the poller").isEqualTo(1);
    }

    @Test
    void start_refusesAnAccountThatIsNotConfigured() {
        assertThatThrownBy(() -> world.jobs.start(new StartDownloadAllCommand(TENANT, AccountName.of("nobody"),
                FileId.of(1), ZipName.of("a.zip"))))
                .isInstanceOf(UnknownAccountException.class).hasMessage("account 'nobody' is not configured");
    }

    @Test
    void get_findsOnlyTheTenantsOwnJobs() {
        DownloadJob job = start(2, "b.zip").job();

        assertThat(world.jobs.get(TENANT, job.id())).isEqualTo(job);
        assertThatThrownBy(() -> world.jobs.get(OTHER_TENANT, job.id())).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> world.jobs.cancel(OTHER_TENANT, job.id())).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void awaitSettled_returnsAsSoonAsTheJobIsReady() throws InterruptedException {
        world.gateway.script(FileId.of(3), readyFor(Duration.ofMinutes(5)));
        DownloadJob job = start(3, "c.zip").job();
        world.signals.whileWaiting(world.poller::pollOnce);
        Instant before = world.clock.instant();

        DownloadJob settled = world.jobs.awaitSettled(TENANT, job.id(), Duration.ofSeconds(25));

        assertThat(settled.state()).isEqualTo(JobState.READY);
        assertThat(Duration.between(before, world.clock.instant())).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void awaitSettled_givesUpAfterTheWait() throws InterruptedException {
        DownloadJob job = start(4, "d.zip").job();
        world.signals.whileWaiting(world.poller::pollOnce);
        Instant before = world.clock.instant();

        DownloadJob settled = world.jobs.awaitSettled(TENANT, job.id(), Duration.ofSeconds(5));

        assertThat(settled.state()).isEqualTo(JobState.PACKAGING);
        assertThat(Duration.between(before, world.clock.instant())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void list_showsTheTenantsJobs_filteredByState() {
        DownloadJob a = start(5, "e.zip").job();
        DownloadJob b = start(6, "f.zip").job();
        world.jobs.cancel(TENANT, a.id());

        assertThat(world.jobs.list(JobQuery.all(TENANT)).items()).extracting(DownloadJob::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(world.jobs.list(new JobQuery(TENANT, Optional.of(JobState.CANCELLED), Optional.empty(),
                Optional.empty(), 10, Optional.empty())).items()).extracting(DownloadJob::id).containsExactly(a.id());
        assertThat(world.jobs.list(JobQuery.all(OTHER_TENANT)).items()).isEmpty();
    }

    @Test
    void cancel_endsTheJob_butNotTwice() {
        DownloadJob job = start(7, "g.zip").job();

        assertThat(world.jobs.cancel(TENANT, job.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThatThrownBy(() -> world.jobs.cancel(TENANT, job.id())).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void retry_worksOnlyForFullFailedOrTimedOutJobs() {
        world.gateway.script(FileId.of(8), new DownloadAllResult.SpaceFull());
        DownloadJob job = start(8, "h.zip").job();
        assertThatThrownBy(() -> world.jobs.retry(TENANT, job.id())).isInstanceOf(IllegalTransitionException.class);
        world.run(1);

        DownloadJob retried = world.jobs.retry(TENANT, job.id());

        assertThat(retried.state()).isEqualTo(JobState.PENDING);
        assertThat(retried.deadline()).isAfter(job.deadline());
        assertThat(world.signals.wakeups()).isEqualTo(2);
    }

    @Test
    void retry_refusesWhenTheSameFileAndZipAreActiveAgain() {
        world.gateway.script(FileId.of(9), failure(Kind.REJECTED, 5113, "traffic quota exceeded"), new DownloadAllResult.Packaging());
        DownloadJob failed = start(9, "i.zip").job();
        world.run(1);
        DownloadJob active = start(9, "i.zip").job();
        assertThat(active.id()).isNotEqualTo(failed.id());

        assertThatThrownBy(() -> world.jobs.retry(TENANT, failed.id()))
                .isInstanceOfSatisfying(DuplicateActiveJobException.class,
                        e -> assertThat(e.activeJobId()).isEqualTo(active.id()));
    }

    @Test
    void freshUrl_handsOutAStoredLinkWithTimeLeft_withoutCallingUpstream() throws InterruptedException {
        world.gateway.script(FileId.of(10), readyFor(Duration.ofMinutes(5)));
        DownloadJob job = start(10, "j.zip").job();
        world.run(1);
        long calls = world.gateway.calls().size();

        DownloadUrl url = world.jobs.freshUrl(TENANT, job.id());

        assertThat(url).isEqualTo(world.reload(job).downloadUrl());
        assertThat(world.gateway.calls()).hasSize((int) calls);
    }

    @Test
    void freshUrl_reMintsALinkAboutToExpire_throughThePoller() throws InterruptedException {
        world.gateway.script(FileId.of(11), readyFor(Duration.ofSeconds(90)), readyFor(Duration.ofMinutes(10)));
        DownloadJob job = start(11, "k.zip").job();
        world.run(1);
        world.clock.advance(Duration.ofSeconds(40));
        world.signals.whileWaiting(world.poller::pollOnce);

        DownloadUrl url = world.jobs.freshUrl(TENANT, job.id());

        assertThat(url.isValidFor(world.clock.instant(), Duration.ofMinutes(9))).isTrue();
        assertThat(world.reload(job).downloadUrl()).isEqualTo(url);
        assertThat(world.reload(job).urlRequestedAt()).isNull();
        assertThat(world.gateway.callsFor(FileId.of(11))).isEqualTo(2);
    }

    @Test
    void freshUrl_goesAheadOfBackgroundPolls() throws InterruptedException {
        world.gateway.script(FileId.of(12), readyFor(Duration.ofSeconds(30)), readyFor(Duration.ofMinutes(10)));
        DownloadJob job = start(12, "l.zip").job();
        world.run(1);
        for (long f = 20; f < 25; f++) {
            start(f, "m.zip");
        }
        world.run(5);
        world.clock.advance(Duration.ofSeconds(10));
        world.signals.whileWaiting(world.poller::pollOnce);

        world.jobs.freshUrl(TENANT, job.id());

        assertThat(world.gateway.calls().get(world.gateway.calls().size() - 1).fileId()).isEqualTo(FileId.of(12));
        assertThat(world.gateway.calls()).hasSize(1 + 5 + 1);
    }

    @Test
    void freshUrl_saysWhenNoFreshLinkCameInTime() {
        world.gateway.script(FileId.of(13), readyFor(Duration.ofSeconds(30)), failure(Kind.UNAVAILABLE, null, "HTTP 502"));
        DownloadJob job = start(13, "n.zip").job();
        world.run(1);
        world.signals.whileWaiting(world.poller::pollOnce);

        assertThatThrownBy(() -> world.jobs.freshUrl(TENANT, job.id()))
                .isInstanceOfSatisfying(FreshUrlUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
        assertThat(world.reload(job).state()).as("the zip upstream is not lost").isEqualTo(JobState.READY);
    }

    @Test
    void freshUrl_ofAJobThatIsNotReady_isRefused() {
        DownloadJob job = start(14, "o.zip").job();
        assertThatThrownBy(() -> world.jobs.freshUrl(TENANT, job.id()))
                .isInstanceOfSatisfying(JobNotReadyException.class,
                        e -> assertThat(e.state()).isEqualTo(JobState.PENDING));
    }
}
