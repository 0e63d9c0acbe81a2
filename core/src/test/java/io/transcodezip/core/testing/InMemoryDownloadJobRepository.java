package io.transcodezip.core.testing;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadJob.JobKey;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.Tenant;
import io.transcodezip.core.port.out.ConcurrentJobUpdateException;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.DuplicateActiveJobException;
import io.transcodezip.core.port.out.JobPage;
import io.transcodezip.core.port.out.JobQuery;
import io.transcodezip.core.port.out.PageCursor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The repository's behaviour in memory, leases and fencing included; the store's clock is injected. */
public final class InMemoryDownloadJobRepository implements DownloadJobRepository {

    private record Row(DownloadJob job, String owner, String token, Instant leaseUntil) {
        Row withJob(DownloadJob newJob) {
            return new Row(newJob, owner, token, leaseUntil);
        }

        Row released() {
            return new Row(job, null, null, null);
        }
    }

    private final InstantSource storeClock;
    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    public InMemoryDownloadJobRepository(InstantSource storeClock) {
        this.storeClock = storeClock;
    }

    @Override
    public synchronized Submission createOrGetActive(DownloadJob job) {
        Optional<DownloadJob> active = findActive(job.key());
        if (active.isPresent()) {
            return new Submission(active.get(), false);
        }
        DownloadJob stored = job.withVersion(1);
        rows.put(job.id(), new Row(stored, null, null, null));
        return new Submission(stored, true);
    }

    @Override
    public synchronized Optional<DownloadJob> find(Tenant tenant, UUID id) {
        return Optional.ofNullable(rows.get(id)).map(Row::job).filter(j -> j.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<DownloadJob> findActive(JobKey key) {
        return rows.values().stream().map(Row::job)
                .filter(j -> j.state().isActive() && j.key().equals(key))
                .findFirst();
    }

    @Override
    public synchronized JobPage list(JobQuery query) {
        Comparator<DownloadJob> newestFirst = Comparator.comparing(DownloadJob::createdAt)
                .thenComparing(DownloadJob::id).reversed();
        List<DownloadJob> matching = rows.values().stream().map(Row::job)
                .filter(j -> j.tenant().equals(query.tenant()))
                .filter(j -> query.state().map(s -> j.state() == s).orElse(true))
                .filter(j -> query.fileId().map(f -> j.fileId().equals(f)).orElse(true))
                .filter(j -> query.account().map(a -> j.account().equals(a)).orElse(true))
                .filter(j -> query.after().map(c -> isAfter(j, c)).orElse(true))
                .sorted(newestFirst)
                .limit(query.limit() + 1L)
                .collect(Collectors.toList());
        if (matching.size() <= query.limit()) {
            return new JobPage(matching, Optional.empty());
        }
        List<DownloadJob> page = matching.subList(0, query.limit());
        DownloadJob last = page.get(page.size() - 1);
        return new JobPage(page, Optional.of(new PageCursor(last.createdAt(), last.id())));
    }

    @Override
    public synchronized DownloadJob update(DownloadJob job) {
        Row row = rows.get(job.id());
        if (row == null || row.job().version() != job.version()) {
            throw new ConcurrentJobUpdateException(job.id());
        }
        if (job.state().isActive() && !row.job().state().isActive()) {
            findActive(job.key()).ifPresent(other -> {
                throw new DuplicateActiveJobException(other.id());
            });
        }
        DownloadJob stored = job.withVersion(job.version() + 1);
        rows.put(job.id(), row.withJob(stored));
        return stored;
    }

    @Override
    public synchronized List<ClaimedJob> claimDue(AccountName account, Instant now, int limit, String owner,
                                                  Duration leaseTime) {
        Instant storeNow = storeClock.instant();
        List<Row> due = rows.values().stream()
                .filter(r -> r.job().account().equals(account) && r.job().state().isActive() && r.job().isDue(now))
                .filter(r -> r.leaseUntil() == null || !r.leaseUntil().isAfter(storeNow))
                .sorted(Comparator.comparing(Row::job, CLAIM_ORDER.thenComparing(DownloadJob::id)))
                .limit(limit)
                .collect(Collectors.toList());
        return due.stream().map(r -> {
            DownloadJob claimed = r.job().withVersion(r.job().version() + 1);
            String token = UUID.randomUUID().toString();
            Instant until = storeNow.plus(leaseTime);
            rows.put(claimed.id(), new Row(claimed, owner, token, until));
            return new ClaimedJob(claimed, owner, token, until, r.token() != null);
        }).collect(Collectors.toList());
    }

    @Override
    public synchronized Optional<DownloadJob> completeClaim(ClaimedJob claim, DownloadJob outcome) {
        Row row = rows.get(claim.job().id());
        if (row == null || !claim.leaseToken().equals(row.token())) {
            return Optional.empty();
        }
        if (row.job().version() != claim.job().version()) {
            rows.put(row.job().id(), row.released());
            return Optional.empty();
        }
        DownloadJob stored = outcome.withVersion(row.job().version() + 1);
        rows.put(stored.id(), new Row(stored, null, null, null));
        return Optional.of(stored);
    }

    @Override
    public synchronized void release(Collection<ClaimedJob> claims) {
        for (ClaimedJob claim : claims) {
            Row row = rows.get(claim.job().id());
            if (row != null && claim.leaseToken().equals(row.token())) {
                rows.put(row.job().id(), row.released());
            }
        }
    }

    @Override
    public synchronized int releaseAll(String owner) {
        int released = 0;
        for (Row row : List.copyOf(rows.values())) {
            if (owner.equals(row.owner())) {
                rows.put(row.job().id(), row.released());
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized int deleteFinishedBefore(Instant cutoff, int batchSize) {
        List<UUID> old = rows.values().stream().map(Row::job)
                .filter(j -> j.finishedAt() != null && j.finishedAt().isBefore(cutoff))
                .limit(batchSize).map(DownloadJob::id).collect(Collectors.toList());
        old.forEach(rows::remove);
        return old.size();
    }

    @Override
    public synchronized List<StateCount> countByAccountAndState() {
        return rows.values().stream().map(Row::job)
                .collect(Collectors.groupingBy(j -> new StateCount(j.account(), j.state(), 0), Collectors.counting()))
                .entrySet().stream()
                .map(e -> new StateCount(e.getKey().account(), e.getKey().state(), e.getValue()))
                .collect(Collectors.toList());
    }

    /** For tests: whoever holds the job's lease now, if anyone. */
    public synchronized Optional<String> leaseOwner(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(Row::owner);
    }

    private static boolean isAfter(DownloadJob job, PageCursor cursor) {
        int byTime = job.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || (byTime == 0 && job.id().compareTo(cursor.id()) < 0);
    }
}
