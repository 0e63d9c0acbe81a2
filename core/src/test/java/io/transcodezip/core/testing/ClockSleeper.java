package io.transcodezip.core.testing;

import io.transcodezip.core.port.out.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that moves a {@link MutableClock} instead of waiting, and remembers every sleep. */
public final class ClockSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    public ClockSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        if (!duration.isNegative()) {
            clock.advance(duration);
        }
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
