package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.AccountName;
import java.time.Duration;
import java.util.Optional;

/**
 * How many download-all calls an account may make, across every instance of the service. A call
 * may leave only inside a slot reserved here.
 */
public interface CallBudget {

    /**
     * How late after its slot a call may still leave. Budgets space slots by {@code (1 s + this) / rate}
     * so that calls leaving anywhere in that window never put more than {@code rate} calls in one second;
     * a caller later than this reserves a new slot instead.
     */
    Duration SEND_TOLERANCE = Duration.ofMillis(50);

    /**
     * Reserves the account's next free call slot if it begins within {@code maxWait}.
     *
     * @return how long the caller must wait before its call may leave, or empty when no slot is free
     *         within {@code maxWait} (nothing is reserved then)
     */
    Optional<Duration> reserve(AccountName account, Duration maxWait);

    /** Upstream said we call too often (or refused the account): grant the next slots more slowly. */
    void throttle(AccountName account);

    /** A call went through: back to the configured rate. */
    void recovered(AccountName account);
}
