package io.transcodezip.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * How often and how long a job is polled. Jitter is drawn from the job id and the attempt number, so
 * a job's schedule is reproducible in tests while a crowd of jobs still spreads out.
 *
 * @param interval             time between polls while upstream packages (upstream asks for ~10 s)
 * @param jitter               fraction of a delay added or removed at random, 0 to 1 (0.1 = ±10 %)
 * @param maxBackoff           cap of the exponential backoff after transient errors
 * @param maxWait              how long after submission (or retry) a job may take before it times out
 * @param maxConsecutiveErrors transient failures in a row after which the job fails
 * @param minUrlValidity       a link with less than this left is re-minted before it is handed out
 */
public record PollPolicy(Duration interval, double jitter, Duration maxBackoff, Duration maxWait,
                         int maxConsecutiveErrors, Duration minUrlValidity) {

    public static final PollPolicy DEFAULT = new PollPolicy(
            Duration.ofSeconds(10), 0.10, Duration.ofMinutes(5), Duration.ofHours(1), 20, Duration.ofSeconds(60));

    public PollPolicy {
        requirePositive("interval", interval);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("maxWait", maxWait);
        Objects.requireNonNull(minUrlValidity, "minUrlValidity");
        if (minUrlValidity.isNegative()) {
            throw new IllegalArgumentException("minUrlValidity must not be negative");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1, got " + jitter);
        }
        if (maxConsecutiveErrors < 1) {
            throw new IllegalArgumentException("maxConsecutiveErrors must be at least 1, got " + maxConsecutiveErrors);
        }
    }

    public PollPolicy withInterval(Duration newInterval) {
        return new PollPolicy(newInterval, jitter, maxBackoff, maxWait, maxConsecutiveErrors, minUrlValidity);
    }

    public PollPolicy withMaxWait(Duration newMaxWait) {
        return new PollPolicy(interval, jitter, maxBackoff, newMaxWait, maxConsecutiveErrors, minUrlValidity);
    }

    public Instant deadline(Instant start) {
        return start.plus(maxWait);
    }

    /** When to poll again after an answer that says upstream is still packaging. */
    public Instant nextPoll(Instant now, UUID jobId, int attempt) {
        return now.plus(jittered(interval, jobId, attempt));
    }

    /**
     * When to poll again after the {@code consecutiveErrors}-th transient failure in a row: the
     * interval doubled per failure, capped at {@link #maxBackoff}, then jittered.
     */
    public Instant afterError(Instant now, UUID jobId, int consecutiveErrors) {
        return now.plus(jittered(backoff(consecutiveErrors), jobId, consecutiveErrors));
    }

    /** The backoff before jitter: {@code interval * 2^(n-1)}, at most {@link #maxBackoff}. */
    public Duration backoff(int consecutiveErrors) {
        int doublings = Math.max(0, Math.min(consecutiveErrors - 1, 30));
        long millis = interval.toMillis();
        long cap = maxBackoff.toMillis();
        for (int i = 0; i < doublings && millis < cap; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap));
    }

    Duration jittered(Duration base, UUID jobId, int attempt) {
        if (jitter == 0) {
            return base;
        }
        long seed = jobId.getMostSignificantBits() ^ Long.rotateLeft(jobId.getLeastSignificantBits(), 17)
                ^ (attempt * 0x9E3779B97F4A7C15L);
        double unit = new SplittableRandom(seed).nextDouble(-1.0, 1.0);
        return Duration.ofMillis(Math.round(base.toMillis() * (1.0 + jitter * unit)));
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
