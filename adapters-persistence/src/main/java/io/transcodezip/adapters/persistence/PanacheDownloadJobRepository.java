package io.transcodezip.adapters.persistence;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Jobs in PostgreSQL, for a cluster of instances. Claims take due rows with {@code FOR UPDATE SKIP
 * LOCKED} and stamp a lease from the database clock in one committed statement; every later write is
 * a compare-and-set on the version (and, for a poller, on its lease token), so a lost update is
 * refused rather than applied.
 */
@ApplicationScoped
@TranslatesStoreFailures
public class PanacheDownloadJobRepository implements DownloadJobRepository {

    private static final String ACTIVE = "('PENDING', 'PACKAGING', 'READY')";

    private static final String INSERT = """
            INSERT INTO download_job (id, tenant, account, file_id, zip_name, state, calls, consecutive_errors,
                                      next_poll_at, deadline, created_at, updated_at, version)
            VALUES (:id, :tenant, :account, :fileId, :zipName, :state, :calls, 0, :nextPollAt, :deadline,
                    :createdAt, :updatedAt, 1)
            ON CONFLICT (tenant, account, file_id, zip_name) WHERE state IN %s DO NOTHING
            """.formatted(ACTIVE);

    /** In the port's CLAIM_ORDER; RETURNING does not keep it, so the result is sorted again in Java. */
    private static final String CLAIM = """
            UPDATE download_job j
               SET lease_owner = :owner,
                   lease_token = gen_random_uuid(),
                   lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds),
                   version = j.version + 1
              FROM (SELECT id, lease_token IS NOT NULL AS takeover
                      FROM download_job
                     WHERE account = :account
                       AND next_poll_at <= :now
                       AND state IN %s
                       AND (lease_until IS NULL OR lease_until <= clock_timestamp())
                     ORDER BY state <> 'PENDING', url_requested_at IS NULL, next_poll_at, id
                     LIMIT :limit
                       FOR UPDATE SKIP LOCKED) due
             WHERE j.id = due.id
            RETURNING j.id, j.lease_token, j.lease_until, due.takeover
            """.formatted(ACTIVE);

    private static final String DELETE_FINISHED = """
            DELETE FROM download_job
             WHERE id IN (SELECT id FROM download_job
                           WHERE finished_at < :cutoff
                           ORDER BY finished_at
                           LIMIT :batch
                             FOR UPDATE SKIP LOCKED)
            """;

    private static final String SET_STATE = "state = :state, downloadUrl = :downloadUrl, "
            + "downloadUrlExpiresAt = :downloadUrlExpiresAt, calls = :calls, consecutiveErrors = :consecutiveErrors, "
            + "nextPollAt = :nextPollAt, deadline = :deadline, updatedAt = :updatedAt, finishedAt = :finishedAt, "
            + "errorCode = :errorCode, errorUpstreamCode = :errorUpstreamCode, errorMessage = :errorMessage, "
            + "errorTraceId = :errorTraceId, urlRequestedAt = :urlRequestedAt, version = version + 1";

    private final DownloadJobRows rows;

    PanacheDownloadJobRepository(DownloadJobRows rows) {
        this.rows = rows;
    }

    @Override
    @Transactional
    public Submission createOrGetActive(DownloadJob job) {
        if (job.state() != JobState.PENDING) {
            throw new IllegalArgumentException("only a newly submitted job can be created, got " + job.state());
        }
        int inserted = em().createNativeQuery(INSERT)
                .setParameter("id", job.id())
                .setParameter("tenant", job.tenant().value())
                .setParameter("account", job.account().value())
                .setParameter("fileId", job.fileId().value())
                .setParameter("zipName", job.zipName().value())
                .setParameter("state", job.state().name())
                .setParameter("calls", job.calls())
                .setParameter("nextPollAt", Timestamps.utc(job.nextPollAt()))
                .setParameter("deadline", Timestamps.utc(job.deadline()))
                .setParameter("createdAt", Timestamps.utc(job.createdAt()))
                .setParameter("updatedAt", Timestamps.utc(job.updatedAt()))
                .executeUpdate();
        if (inserted == 1) {
            return new Submission(job.withVersion(1), true);
        }
        // The conflicting job is committed (ON CONFLICT waited for it), so this read sees it; if it
        // ended in between, the caller may simply submit again.
        return findActive(job.key()).map(active -> new Submission(active, false))
                .orElseThrow(() -> new ConcurrentJobUpdateException(job.id()));
    }

    @Override
    @Transactional
    public Optional<DownloadJob> find(Tenant tenant, UUID id) {
        return rows.findByIdOptional(id).filter(e -> e.tenant.equals(tenant.value())).map(DownloadJobMapper::toDomain);
    }

    @Override
    @Transactional
    public Optional<DownloadJob> findActive(JobKey key) {
        return rows.find("tenant = :tenant and account = :account and fileId = :fileId and zipName = :zipName "
                        + "and state in ('PENDING', 'PACKAGING', 'READY')",
                Parameters.with("tenant", key.tenant().value()).and("account", key.account().value())
                        .and("fileId", key.fileId().value()).and("zipName", key.zipName().value()))
                .firstResultOptional().map(DownloadJobMapper::toDomain);
    }

    @Override
    @Transactional
    public JobPage list(JobQuery query) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", query.tenant().value());
        query.state().ifPresent(s -> {
            where.append(" and state = :state");
            params.put("state", s.name());
        });
        query.fileId().ifPresent(f -> {
            where.append(" and fileId = :fileId");
            params.put("fileId", f.value());
        });
        query.account().ifPresent(a -> {
            where.append(" and account = :account");
            params.put("account", a.value());
        });
        query.after().ifPresent(c -> {
            where.append(" and (createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
            params.put("afterTime", c.createdAt());
            params.put("afterId", c.id());
        });
        List<DownloadJob> found = rows.find(where.toString(), Sort.descending("createdAt", "id"), params)
                .range(0, query.limit()).list().stream()
                .map(DownloadJobMapper::toDomain).collect(Collectors.toList());
        if (found.size() <= query.limit()) {
            return new JobPage(found, Optional.empty());
        }
        List<DownloadJob> page = found.subList(0, query.limit());
        DownloadJob last = page.get(page.size() - 1);
        return new JobPage(page, Optional.of(new PageCursor(last.createdAt(), last.id())));
    }

    @Override
    @Transactional
    public DownloadJob update(DownloadJob job) {
        int updated;
        try {
            updated = rows.update(SET_STATE + " where id = :id and version = :version",
                    stateParameters(job).and("id", job.id()).and("version", job.version()));
        } catch (PersistenceException e) {
            throw translate(e, job);
        }
        if (updated != 1) {
            throw new ConcurrentJobUpdateException(job.id());
        }
        return job.withVersion(job.version() + 1);
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<ClaimedJob> claimDue(AccountName account, Instant now, int limit, String owner, Duration leaseTime) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em().createNativeQuery(CLAIM)
                .setParameter("owner", owner)
                .setParameter("leaseSeconds", leaseTime.toMillis() / 1000.0)
                .setParameter("account", account.value())
                .setParameter("now", Timestamps.utc(now))
                .setParameter("limit", limit)
                .getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<UUID, Object[]> leases = new HashMap<>();
        claimed.forEach(row -> leases.put((UUID) row[0], row));
        List<ClaimedJob> result = new ArrayList<>();
        rows.list("id in ?1", leases.keySet()).forEach(e -> {
            Object[] lease = leases.get(e.id);
            result.add(new ClaimedJob(DownloadJobMapper.toDomain(e), owner, lease[1].toString(),
                    Timestamps.instant(lease[2]), (Boolean) lease[3]));
        });
        result.sort(Comparator.comparing(ClaimedJob::job, CLAIM_ORDER));
        return result;
    }

    @Override
    @Transactional
    public Optional<DownloadJob> completeClaim(ClaimedJob claim, DownloadJob outcome) {
        UUID token = UUID.fromString(claim.leaseToken());
        int updated;
        try {
            updated = rows.update(SET_STATE + ", leaseOwner = null, leaseToken = null, leaseUntil = null"
                            + " where id = :id and version = :version and leaseToken = :token",
                    stateParameters(outcome).and("id", outcome.id()).and("version", claim.job().version())
                            .and("token", token));
        } catch (PersistenceException e) {
            throw translate(e, outcome);
        }
        if (updated == 1) {
            return Optional.of(outcome.withVersion(claim.job().version() + 1));
        }
        // Fenced: someone changed the job or took it over. Give the lease back if it is still ours.
        release(List.of(claim));
        return Optional.empty();
    }

    @Override
    @Transactional
    public void release(Collection<ClaimedJob> claims) {
        if (claims.isEmpty()) {
            return;
        }
        List<UUID> tokens = claims.stream().map(c -> UUID.fromString(c.leaseToken())).collect(Collectors.toList());
        rows.update("leaseOwner = null, leaseToken = null, leaseUntil = null where leaseToken in ?1", tokens);
    }

    @Override
    @Transactional
    public int releaseAll(String owner) {
        return rows.update("leaseOwner = null, leaseToken = null, leaseUntil = null where leaseOwner = ?1", owner);
    }

    @Override
    @Transactional
    public int deleteFinishedBefore(Instant cutoff, int batchSize) {
        return em().createNativeQuery(DELETE_FINISHED)
                .setParameter("cutoff", Timestamps.utc(cutoff))
                .setParameter("batch", batchSize)
                .executeUpdate();
    }

    @Override
    @Transactional
    public List<StateCount> countByAccountAndState() {
        return em().createQuery("select e.account, e.state, count(e) from DownloadJobEntity e group by e.account, e.state",
                        Object[].class)
                .getResultList().stream()
                .map(row -> new StateCount(AccountName.of((String) row[0]), JobState.valueOf((String) row[1]),
                        ((Number) row[2]).longValue()))
                .collect(Collectors.toList());
    }

    private RuntimeException translate(PersistenceException e, DownloadJob job) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause != null && "download_job_one_active".equals(((ConstraintViolationException) cause).getConstraintName())) {
            return new DuplicateActiveJobException(null);
        }
        return e;
    }

    private static Parameters stateParameters(DownloadJob job) {
        DownloadJobEntity e = new DownloadJobEntity();
        DownloadJobMapper.copyState(job, e);
        return Parameters.with("state", e.state).and("downloadUrl", e.downloadUrl)
                .and("downloadUrlExpiresAt", e.downloadUrlExpiresAt).and("calls", e.calls)
                .and("consecutiveErrors", e.consecutiveErrors).and("nextPollAt", e.nextPollAt)
                .and("deadline", e.deadline).and("updatedAt", e.updatedAt).and("finishedAt", e.finishedAt)
                .and("errorCode", e.errorCode).and("errorUpstreamCode", e.errorUpstreamCode)
                .and("errorMessage", e.errorMessage).and("errorTraceId", e.errorTraceId)
                .and("urlRequestedAt", e.urlRequestedAt);
    }

    private EntityManager em() {
        return rows.getEntityManager();
    }


}
