package io.transcodezip.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it. Thread-safe. */
public final class MutableClock implements InstantSource {

    public static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    private Instant now;

    public MutableClock() {
        this(EPOCH);
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public synchronized Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    public synchronized void set(Instant to) {
        now = to;
    }
}
