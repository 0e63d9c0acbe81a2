package io.transcodezip.core.testing;

import static io.transcodezip.core.testing.Jobs.ACCOUNT;
import static io.transcodezip.core.testing.Jobs.OTHER_TENANT;
import static io.transcodezip.core.testing.Jobs.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.JobError;
import io.transcodezip.core.domain.JobErrorCode;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.port.out.ConcurrentJobUpdateException;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.DownloadJobRepository.ClaimedJob;
import io.transcodezip.core.port.out.DuplicateActiveJobException;
import io.transcodezip.core.port.out.JobPage;
import io.transcodezip.core.port.out.JobQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DownloadJobRepository} must do. Run against the in-memory fake and PostgreSQL.
 * Subclasses give a repository that is empty before each test, and move the store's clock.
 */
public abstract class DownloadJobRepositoryContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AtomicLong FILE_IDS = new AtomicLong(1_000_000);

    /** Domain time: jobs are stamped from it; millisecond precision like the service's clock. */
    protected Instant now;

    protected abstract DownloadJobRepository repository();

    /** Lets {@code by} pass on the store's clock (the clock leases are measured on). */
    protected abstract void storeTimePasses(Duration by);

    /** Whether {@link #storeTimePasses} really waits, so a test uses a short lease instead. */
    protected boolean storeClockIsReal() {
        return false;
    }

    @BeforeEach
    void startTime() {
        now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private long nextFileId() {
        return FILE_IDS.incrementAndGet();
    }

    private DownloadJob create(DownloadJob job) {
        return repository().createOrGetActive(job).job();
    }

    @Test
    void createdJob_isFoundByItsTenant_only() {
        DownloadJob job = create(Jobs.pending(nextFileId(), now));

        assertThat(repository().find(TENANT, job.id())).contains(job);
        assertThat(repository().find(OTHER_TENANT, job.id())).isEmpty();
        assertThat(repository().find(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void everyField_survivesTheRoundTrip() {
        DownloadJob job = create(Jobs.pending(TENANT, AccountName.of("second"), nextFileId(), "视频 全部.zip", now));
        DownloadJob claimed = claimOne(AccountName.of("second")).job();
        JobError error = new JobError(JobErrorCode.UPSTREAM_UNAVAILABLE, 1, "internal error", "trace-1");
        DownloadJob failing = claimed.transientFailure(error, now.plusMillis(5), PollPolicy.DEFAULT);
        DownloadJob stored = repository().completeClaim(lastClaim, failing).orElseThrow();

        assertThat(repository().find(TENANT, job.id())).contains(stored);
        assertThat(stored.lastError()).isEqualTo(error);
        assertThat(stored.zipName().value()).isEqualTo("视频 全部.zip");

        DownloadJob ready = claimAfter(stored, AccountName.of("second"));
        DownloadJob withUrl = ready.ready(Jobs.url(now.plusSeconds(300)), now.plusMillis(9));
        DownloadJob storedReady = repository().completeClaim(lastClaim, withUrl).orElseThrow();
        assertThat(repository().find(TENANT, job.id())).contains(storedReady);
        assertThat(storedReady.downloadUrl().url()).isEqualTo(withUrl.downloadUrl().url());
    }

    @Test
    void createOrGetActive_returnsTheActiveJobOfTheSameKey() {
        long fileId = nextFileId();
        DownloadJobRepository.Submission first = repository().createOrGetActive(Jobs.pending(fileId, now));
        DownloadJobRepository.Submission second = repository().createOrGetActive(Jobs.pending(fileId, now.plusMillis(1)));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.job()).isEqualTo(first.job());
        assertThat(repository().createOrGetActive(Jobs.pending(OTHER_TENANT, ACCOUNT, fileId, "movie.zip", now))
                .created()).as("another tenant's job is another job").isTrue();
        assertThat(repository().createOrGetActive(Jobs.pending(TENANT, ACCOUNT, fileId, "other.zip", now))
                .created()).as("another zip name is another job").isTrue();
    }

    @Test
    void createOrGetActive_createsAgainOnceTheActiveJobEnded() {
        long fileId = nextFileId();
        DownloadJob first = create(Jobs.pending(fileId, now));
        repository().update(first.cancel(now.plusMillis(1)));

        DownloadJobRepository.Submission again = repository().createOrGetActive(Jobs.pending(fileId, now.plusMillis(2)));

        assertThat(again.created()).isTrue();
        assertThat(again.job().id()).isNotEqualTo(first.id());
    }

    @Test
    void update_bumpsTheVersion_andRefusesAStaleOne() {
        DownloadJob job = create(Jobs.pending(nextFileId(), now));
        DownloadJob cancelled = repository().update(job.cancel(now.plusMillis(1)));

        assertThat(cancelled.version()).isGreaterThan(job.version());
        assertThat(repository().find(TENANT, job.id())).contains(cancelled);
        assertThatThrownBy(() -> repository().update(job.cancel(now.plusMillis(2))))
                .isInstanceOf(ConcurrentJobUpdateException.class);
    }

    @Test
    void update_refusesASecondActiveJobOfOneKey() {
        long fileId = nextFileId();
        DownloadJob cancelled = repository().update(create(Jobs.pending(fileId, now)).cancel(now.plusMillis(1)));
        create(Jobs.pending(fileId, now.plusMillis(2)));
        // What a retry would store, were the first job retryable.
        DownloadJob activeAgain = new DownloadJob(cancelled.id(), cancelled.tenant(), cancelled.account(),
                cancelled.fileId(), cancelled.zipName(), JobState.PENDING, null, cancelled.calls(), 0, now,
                now.plusSeconds(60), cancelled.createdAt(), now, null, null, null, cancelled.version());

        assertThatThrownBy(() -> repository().update(activeAgain)).isInstanceOf(DuplicateActiveJobException.class);
        assertThat(repository().find(TENANT, cancelled.id())).contains(cancelled);
    }

    @Test
    void list_isNewestFirst_filtered_andPagedWithoutGapsOrRepeats() {
        AccountName account = AccountName.of("lister-" + nextFileId());
        List<DownloadJob> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(Jobs.pending(TENANT, account, nextFileId(), "z" + i + ".zip", now.plusMillis(i))));
        }
        repository().update(created.get(2).cancel(now.plusSeconds(1)));
        create(Jobs.pending(OTHER_TENANT, account, nextFileId(), "theirs.zip", now.plusMillis(3)));

        List<UUID> seen = new ArrayList<>();
        Optional<io.transcodezip.core.port.out.PageCursor> cursor = Optional.empty();
        do {
            JobPage page = repository().list(new JobQuery(TENANT, Optional.empty(), Optional.empty(),
                    Optional.of(account), 3, cursor));
            page.items().forEach(j -> seen.add(j.id()));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            cursor = page.next();
        } while (cursor.isPresent());

        List<UUID> newestFirst = created.stream().map(DownloadJob::id).collect(java.util.stream.Collectors.toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        JobPage cancelled = repository().list(new JobQuery(TENANT, Optional.of(JobState.CANCELLED), Optional.empty(),
                Optional.of(account), 50, Optional.empty()));
        assertThat(cancelled.items()).extracting(DownloadJob::id).containsExactly(created.get(2).id());
        JobPage byFile = repository().list(new JobQuery(TENANT, Optional.empty(), Optional.of(created.get(4).fileId()),
                Optional.empty(), 50, Optional.empty()));
        assertThat(byFile.items()).extracting(DownloadJob::id).containsExactly(created.get(4).id());
        assertThat(byFile.next()).isEmpty();
    }

    @Test
    void claimDue_takesOnlyDueJobsOfTheAccount_bestFirst() {
        AccountName account = AccountName.of("claims-" + nextFileId());
        // A re-poll due long ago, a re-poll due just now, a new job, a READY job whose user waits for a link.
        // (Made in this order so that each setup claim finds only the job it made.)
        DownloadJob notDue = packagingDueAt(account, now.plusSeconds(60));
        DownloadJob oldRepoll = packagingDueAt(account, now.minusSeconds(30));
        DownloadJob recentRepoll = packagingDueAt(account, now.minusSeconds(1));
        DownloadJob waiting = readyWithUserWaiting(account);
        DownloadJob fresh = create(Jobs.pending(TENANT, account, nextFileId(), "new.zip", now));
        create(Jobs.pending(TENANT, AccountName.of("elsewhere-" + nextFileId()), nextFileId(), "x.zip", now));

        List<ClaimedJob> claims = repository().claimDue(account, now, 10, "poller-a", LEASE);

        assertThat(claims).extracting(c -> c.job().id())
                .containsExactly(fresh.id(), waiting.id(), oldRepoll.id(), recentRepoll.id())
                .doesNotContain(notDue.id());
        assertThat(claims).allSatisfy(c -> {
            assertThat(c.owner()).isEqualTo("poller-a");
            assertThat(c.takeover()).isFalse();
        });
        assertThat(repository().claimDue(account, now, 10, "poller-b", LEASE))
                .as("leased jobs are nobody else's").isEmpty();
    }

    @Test
    void claimDue_honoursTheLimit() {
        AccountName account = AccountName.of("limit-" + nextFileId());
        for (int i = 0; i < 5; i++) {
            create(Jobs.pending(TENANT, account, nextFileId(), "l.zip", now));
        }
        assertThat(repository().claimDue(account, now, 2, "a", LEASE)).hasSize(2);
        assertThat(repository().claimDue(account, now, 10, "b", LEASE)).hasSize(3);
    }

    @Test
    void completeClaim_storesTheOutcome_andEndsTheLease() {
        AccountName account = AccountName.of("complete-" + nextFileId());
        create(Jobs.pending(TENANT, account, nextFileId(), "c.zip", now));
        ClaimedJob claim = repository().claimDue(account, now, 1, "a", LEASE).get(0);

        DownloadJob outcome = claim.job().packaging(now.plusMillis(10), PollPolicy.DEFAULT);
        Optional<DownloadJob> stored = repository().completeClaim(claim, outcome);

        assertThat(stored).isPresent();
        assertThat(stored.get().state()).isEqualTo(JobState.PACKAGING);
        assertThat(repository().find(TENANT, outcome.id())).isEqualTo(stored);
        assertThat(repository().completeClaim(claim, outcome)).as("a lease ends with its write").isEmpty();
        assertThat(repository().claimDue(account, stored.get().nextPollAt(), 1, "b", LEASE))
                .as("no lease left on it").hasSize(1);
    }

    @Test
    void expiredLease_isTakenOver_andTheOldHoldersWriteIsDropped() {
        AccountName account = AccountName.of("takeover-" + nextFileId());
        create(Jobs.pending(TENANT, account, nextFileId(), "t.zip", now));
        Duration lease = storeClockIsReal() ? Duration.ofMillis(300) : LEASE;
        ClaimedJob dead = repository().claimDue(account, now, 1, "dead", lease).get(0);

        storeTimePasses(lease.plusMillis(1));
        List<ClaimedJob> taken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            taken.addAll(repository().claimDue(account, now, 1, "alive", LEASE));
            return !taken.isEmpty();
        });

        assertThat(taken.get(0).takeover()).isTrue();
        assertThat(repository().completeClaim(dead, dead.job().packaging(now, PollPolicy.DEFAULT)))
                .as("fenced: the lease was lost").isEmpty();
        assertThat(repository().completeClaim(taken.get(0), taken.get(0).job().spaceFull(now))).isPresent();
        assertThat(repository().find(TENANT, dead.job().id()).orElseThrow().state()).isEqualTo(JobState.SPACE_FULL);
    }

    @Test
    void aUserChangeDuringTheCall_winsOverThePollersOutcome() {
        AccountName account = AccountName.of("race-" + nextFileId());
        DownloadJob job = create(Jobs.pending(TENANT, account, nextFileId(), "r.zip", now));
        ClaimedJob claim = repository().claimDue(account, now, 1, "a", LEASE).get(0);

        DownloadJob current = repository().find(TENANT, job.id()).orElseThrow();
        repository().update(current.cancel(now.plusMillis(1)));

        assertThat(repository().completeClaim(claim, claim.job().packaging(now, PollPolicy.DEFAULT))).isEmpty();
        assertThat(repository().find(TENANT, job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void release_andReleaseAll_makeJobsClaimableAtOnce() {
        AccountName account = AccountName.of("release-" + nextFileId());
        for (int i = 0; i < 3; i++) {
            create(Jobs.pending(TENANT, account, nextFileId(), "r.zip", now));
        }
        List<ClaimedJob> claims = repository().claimDue(account, now, 3, "leaving", LEASE);
        repository().release(claims.subList(0, 1));
        assertThat(repository().claimDue(account, now, 3, "other", LEASE)).hasSize(1);

        assertThat(repository().releaseAll("leaving")).isEqualTo(2);
        assertThat(repository().claimDue(account, now, 3, "other", LEASE)).hasSize(2);
    }

    @Test
    void deleteFinishedBefore_removesOnlyOldFinishedJobs_inBatches() {
        Set<UUID> old = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            DownloadJob job = create(Jobs.pending(nextFileId(), now.minus(Duration.ofDays(30))));
            old.add(repository().update(job.cancel(now.minus(Duration.ofDays(30)))).id());
        }
        DownloadJob recent = create(Jobs.pending(nextFileId(), now));
        repository().update(recent.cancel(now));
        DownloadJob active = create(Jobs.pending(nextFileId(), now.minus(Duration.ofDays(30))));

        Instant cutoff = now.minus(Duration.ofDays(7));
        int first = repository().deleteFinishedBefore(cutoff, 2);
        int rest = 0;
        int deleted;
        while ((deleted = repository().deleteFinishedBefore(cutoff, 2)) > 0) {
            rest += deleted;
        }

        assertThat(first).isEqualTo(2);
        assertThat(first + rest).isGreaterThanOrEqualTo(3);
        old.forEach(id -> assertThat(repository().find(TENANT, id)).isEmpty());
        assertThat(repository().find(TENANT, recent.id())).isPresent();
        assertThat(repository().find(TENANT, active.id())).isPresent();
    }

    @Test
    void countByAccountAndState_countsEveryJob() {
        AccountName account = AccountName.of("count-" + nextFileId());
        for (int i = 0; i < 3; i++) {
            create(Jobs.pending(TENANT, account, nextFileId(), "n.zip", now));
        }
        DownloadJob cancelled = create(Jobs.pending(TENANT, account, nextFileId(), "n.zip", now));
        repository().update(cancelled.cancel(now));

        assertThat(repository().countByAccountAndState())
                .filteredOn(c -> c.account().equals(account))
                .containsExactlyInAnyOrder(
                        new DownloadJobRepository.StateCount(account, JobState.PENDING, 3),
                        new DownloadJobRepository.StateCount(account, JobState.CANCELLED, 1));
    }

    private ClaimedJob lastClaim;

    private ClaimedJob claimOne(AccountName account) {
        List<ClaimedJob> claims = repository().claimDue(account, now.plusSeconds(3600), 1, "contract", LEASE);
        assertThat(claims).hasSize(1);
        lastClaim = claims.get(0);
        return lastClaim;
    }

    private DownloadJob claimAfter(DownloadJob job, AccountName account) {
        ClaimedJob claim = claimOne(account);
        assertThat(claim.job().id()).isEqualTo(job.id());
        return claim.job();
    }

    private DownloadJob packagingDueAt(AccountName account, Instant due) {
        DownloadJob job = create(Jobs.pending(TENANT, account, nextFileId(), "p.zip", due.minusSeconds(10)));
        ClaimedJob claim = repository().claimDue(account, due.minusSeconds(10), 1, "setup", LEASE).get(0);
        assertThat(claim.job().id()).isEqualTo(job.id());
        PollPolicy exact = new PollPolicy(Duration.ofSeconds(10), 0, Duration.ofMinutes(5), Duration.ofHours(1), 20,
                Duration.ofSeconds(60));
        return repository().completeClaim(claim, claim.job().packaging(due.minusSeconds(10), exact)).orElseThrow();
    }

    private DownloadJob readyWithUserWaiting(AccountName account) {
        DownloadJob job = create(Jobs.pending(TENANT, account, nextFileId(), "ready.zip", now.minusSeconds(600)));
        ClaimedJob claim = repository().claimDue(account, now.minusSeconds(600), 1, "setup", LEASE).get(0);
        assertThat(claim.job().id()).isEqualTo(job.id());
        DownloadJob ready = repository().completeClaim(claim,
                claim.job().ready(Jobs.url(now.plusSeconds(30)), now.minusSeconds(500))).orElseThrow();
        return repository().update(ready.requestFreshUrl(now.minusMillis(1)));
    }
}
