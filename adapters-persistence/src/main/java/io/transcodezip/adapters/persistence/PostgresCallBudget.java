package io.transcodezip.adapters.persistence;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.CallBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The download-all budget of each account, shared by every instance: one row per account holds the
 * next free call slot on the database's clock. A reservation is one UPDATE that takes the slot and
 * moves it on by {@code (1 s + SEND_TOLERANCE) / rate} (doubled per slowdown step), so grants are evenly spaced, never
 * faster than the rate summed over all instances, and a slot nobody takes is not saved up as a burst.
 *
 * <p>Not Bucket4j: its PostgreSQL backend times buckets on each instance's own clock, so clock skew
 * between instances would let the cluster exceed the rate; here one clock, the database's, decides.
 */
@ApplicationScoped
@TranslatesStoreFailures
public class PostgresCallBudget implements CallBudget {

    /** At most 2^6 = 64 times slower while upstream keeps saying "too many requests". */
    static final int MAX_SLOWDOWN = 6;

    private static final String RESERVE = """
            UPDATE call_budget
               SET next_slot_at = GREATEST(next_slot_at, clock_timestamp()) + make_interval(secs => :spacing * (1 << slowdown))
             WHERE account = :account
               AND GREATEST(next_slot_at, clock_timestamp()) <= clock_timestamp() + make_interval(secs => :maxWait)
            RETURNING next_slot_at - make_interval(secs => :spacing * (1 << slowdown)) AS slot,
                      clock_timestamp() AS now
            """;

    private static final String THROTTLE = """
            UPDATE call_budget
               SET slowdown = LEAST(slowdown + 1, :max),
                   next_slot_at = GREATEST(next_slot_at, clock_timestamp())
                                  + make_interval(secs => :spacing * (1 << LEAST(slowdown + 1, :max)))
             WHERE account = :account
            """;

    private final EntityManager em;
    private final double spacingSeconds;
    private final Set<AccountName> knownAccounts = ConcurrentHashMap.newKeySet();

    PostgresCallBudget(EntityManager em,
                       @ConfigProperty(name = "pan123.rate.download-all", defaultValue = "1") double callsPerSecond) {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("pan123.rate.download-all must be a positive number of calls per second");
        }
        this.em = em;
        this.spacingSeconds = (1.0 + SEND_TOLERANCE.toNanos() / 1e9) / callsPerSecond;
    }

    @Override
    public Optional<Duration> reserve(AccountName account, Duration maxWait) {
        return reserveSlot(account, maxWait).map(Slot::delay);
    }

    /** A reserved slot: when it begins on the database's clock, and how long from now that is. */
    record Slot(Instant at, Duration delay) {
    }

    @Transactional
    Optional<Slot> reserveSlot(AccountName account, Duration maxWait) {
        ensureRow(account);
        @SuppressWarnings("unchecked")
        List<Object[]> granted = em.createNativeQuery(RESERVE)
                .setParameter("spacing", spacingSeconds)
                .setParameter("account", account.value())
                .setParameter("maxWait", Math.max(0, maxWait.toNanos() / 1e9))
                .getResultList();
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        Instant slot = Timestamps.instant(granted.get(0)[0]);
        Instant now = Timestamps.instant(granted.get(0)[1]);
        Duration wait = Duration.between(now, slot);
        return Optional.of(new Slot(slot, wait.isNegative() ? Duration.ZERO : wait));
    }

    @Override
    @Transactional
    public void throttle(AccountName account) {
        ensureRow(account);
        em.createNativeQuery(THROTTLE)
                .setParameter("max", MAX_SLOWDOWN)
                .setParameter("spacing", spacingSeconds)
                .setParameter("account", account.value())
                .executeUpdate();
    }

    @Override
    @Transactional
    public void recovered(AccountName account) {
        em.createNativeQuery("UPDATE call_budget SET slowdown = 0 WHERE account = :account AND slowdown > 0")
                .setParameter("account", account.value())
                .executeUpdate();
    }

    /** How much slower than the configured rate the account runs now (0 = at the rate). */
    @Transactional
    public int slowdown(AccountName account) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("SELECT slowdown FROM call_budget WHERE account = :account")
                .setParameter("account", account.value())
                .getResultList();
        return found.isEmpty() ? 0 : ((Number) found.get(0)).intValue();
    }

    private void ensureRow(AccountName account) {
        if (knownAccounts.contains(account)) {
            return;
        }
        em.createNativeQuery("INSERT INTO call_budget (account, next_slot_at) VALUES (:account, clock_timestamp()) "
                        + "ON CONFLICT (account) DO NOTHING")
                .setParameter("account", account.value())
                .executeUpdate();
        knownAccounts.add(account);
    }

}
