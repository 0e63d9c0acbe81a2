package io.transcodezip.core.usecase;

import java.time.Duration;
import java.util.Objects;

/**
 * How one poller instance works a tick.
 *
 * @param owner       this instance's name on the leases it takes
 * @param leaseTime   how long a claimed job stays ours without a write (longer than a call can take)
 * @param claimBatch  how many jobs of an account one tick claims at most (about rate × tick)
 * @param slotWait    how long a tick may wait for a call slot before it gives the rest back (about a tick)
 * @param maxInFlight upstream calls under way at once, at most
 */
public record PollerSettings(String owner, Duration leaseTime, int claimBatch, Duration slotWait, int maxInFlight) {

    public PollerSettings {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseTime, "leaseTime");
        Objects.requireNonNull(slotWait, "slotWait");
        if (owner.isBlank() || owner.length() > 100) {
            throw new IllegalArgumentException("owner must be 1 to 100 characters");
        }
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("leaseTime must be positive");
        }
        if (claimBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("claimBatch and maxInFlight must be at least 1");
        }
    }
}
