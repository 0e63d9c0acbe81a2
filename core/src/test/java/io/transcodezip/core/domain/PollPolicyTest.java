package io.transcodezip.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PollPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private final PollPolicy policy = PollPolicy.DEFAULT;

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(policy.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.jitter()).isEqualTo(0.10);
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.maxWait()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.maxConsecutiveErrors()).isEqualTo(20);
        assertThat(policy.minUrlValidity()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nextPoll_staysWithinTheJitterBounds_andSpreadsJobsOut() {
        Set<Instant> distinct = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Instant next = policy.nextPoll(T0, UUID.randomUUID(), i % 7);
            assertThat(Duration.between(T0, next)).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));
            distinct.add(next);
        }
        assertThat(distinct).as("jitter actually varies the delay").hasSizeGreaterThan(500);
    }

    @Test
    void nextPoll_isReproducibleForAJobAndAttempt() {
        UUID id = UUID.randomUUID();
        assertThat(policy.nextPoll(T0, id, 3)).isEqualTo(policy.nextPoll(T0, id, 3));
    }

    @Test
    void backoff_doublesFromTheInterval_upToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void afterError_isTheBackoffWithJitter() {
        for (int i = 0; i < 500; i++) {
            Duration delay = Duration.between(T0, policy.afterError(T0, UUID.randomUUID(), 30));
            assertThat(delay).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
        }
    }

    @Test
    void deadline_isMaxWaitAfterTheStart() {
        assertThat(policy.deadline(T0)).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void nonsense_isRefusedWithAMessage() {
        assertThatThrownBy(() -> policy.withInterval(Duration.ZERO)).hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> new PollPolicy(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ZERO)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new PollPolicy(Duration.ofSeconds(1), 0.1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, Duration.ZERO)).hasMessageContaining("maxConsecutiveErrors");
    }
}
