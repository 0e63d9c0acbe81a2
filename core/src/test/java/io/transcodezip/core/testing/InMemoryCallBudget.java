package io.transcodezip.core.testing;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.CallBudget;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The budget's behaviour in memory: one slot every {@code 1/rate}, reserved in order; throttling
 * doubles the spacing per step until a call goes through. Grants are recorded for assertions.
 */
public final class InMemoryCallBudget implements CallBudget {

    private final InstantSource clock;
    private final Duration spacing;
    private final Map<AccountName, Instant> nextSlot = new HashMap<>();
    private final Map<AccountName, Integer> slowdown = new HashMap<>();
    private final List<Instant> grants = new ArrayList<>();

    public InMemoryCallBudget(InstantSource clock, double callsPerSecond) {
        this.clock = clock;
        this.spacing = Duration.ofNanos(Math.round((1_000_000_000L + SEND_TOLERANCE.toNanos()) / callsPerSecond));
    }

    /** A budget that never makes anyone wait. */
    public static CallBudget unlimited() {
        return new CallBudget() {
            @Override
            public Optional<Duration> reserve(AccountName account, Duration maxWait) {
                return Optional.of(Duration.ZERO);
            }

            @Override
            public void throttle(AccountName account) {
            }

            @Override
            public void recovered(AccountName account) {
            }
        };
    }

    @Override
    public synchronized Optional<Duration> reserve(AccountName account, Duration maxWait) {
        Instant now = clock.instant();
        Instant slot = nextSlot.getOrDefault(account, now);
        if (slot.isBefore(now)) {
            slot = now;
        }
        Duration wait = Duration.between(now, slot);
        if (wait.compareTo(maxWait) > 0) {
            return Optional.empty();
        }
        nextSlot.put(account, slot.plus(currentSpacing(account)));
        grants.add(slot);
        return Optional.of(wait);
    }

    @Override
    public synchronized void throttle(AccountName account) {
        int level = Math.min(slowdown.getOrDefault(account, 0) + 1, 6);
        slowdown.put(account, level);
        Instant now = clock.instant();
        Instant slot = nextSlot.getOrDefault(account, now);
        nextSlot.put(account, (slot.isBefore(now) ? now : slot).plus(currentSpacing(account)));
    }

    @Override
    public synchronized void recovered(AccountName account) {
        slowdown.remove(account);
    }

    public synchronized int slowdownLevel(AccountName account) {
        return slowdown.getOrDefault(account, 0);
    }

    public synchronized List<Instant> grants() {
        return List.copyOf(grants);
    }

    private Duration currentSpacing(AccountName account) {
        return spacing.multipliedBy(1L << slowdown.getOrDefault(account, 0));
    }
}
