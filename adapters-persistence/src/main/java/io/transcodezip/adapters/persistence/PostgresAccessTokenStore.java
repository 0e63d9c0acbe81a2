package io.transcodezip.adapters.persistence;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.AccessToken;
import io.transcodezip.core.port.out.AccessTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The shared access token per account. A refresh holds, in this order, a lock of this process (so
 * threads here queue without each taking a connection) and a PostgreSQL transaction-scoped advisory
 * lock (so one instance of the cluster fetches while the others wait and then reuse its token).
 */
@ApplicationScoped
@TranslatesStoreFailures
public class PostgresAccessTokenStore implements AccessTokenStore {

    /** Keeps this lock apart from any other advisory lock the database may see. */
    private static final String LOCK_NAMESPACE = "transcodezip:access-token:";

    private final EntityManager em;
    private final Map<AccountName, ReentrantLock> localLocks = new ConcurrentHashMap<>();

    PostgresAccessTokenStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<AccessToken> load(AccountName account) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT token, expires_at FROM access_token WHERE account = :account")
                .setParameter("account", account.value())
                .getResultList();
        return found.stream().findFirst().map(row -> new AccessToken((String) row[0], Timestamps.instant(row[1])));
    }

    @Override
    @Transactional
    public void save(AccountName account, AccessToken token) {
        em.createNativeQuery("""
                        INSERT INTO access_token (account, token, expires_at, updated_at)
                        VALUES (:account, :token, :expiresAt, clock_timestamp())
                        ON CONFLICT (account) DO UPDATE
                           SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
                        """)
                .setParameter("account", account.value())
                .setParameter("token", token.value())
                .setParameter("expiresAt", Timestamps.utc(token.expiresAt()))
                .executeUpdate();
    }

    @Override
    public <T> T withRefreshLock(AccountName account, Supplier<T> refresh) {
        ReentrantLock local = localLocks.computeIfAbsent(account, a -> new ReentrantLock());
        local.lock();
        try {
            return underAdvisoryLock(account, refresh);
        } finally {
            local.unlock();
        }
    }

    /** The lock lasts as long as this transaction; {@link #load} and {@link #save} join it. */
    @Transactional
    <T> T underAdvisoryLock(AccountName account, Supplier<T> refresh) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", LOCK_NAMESPACE + account.value())
                .getSingleResult();
        return refresh.get();
    }

}
