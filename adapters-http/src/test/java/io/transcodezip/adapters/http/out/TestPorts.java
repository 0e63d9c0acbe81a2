package io.transcodezip.adapters.http.out;

import io.transcodezip.adapters.http.in.ApiKeys;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.testing.InMemoryDownloadJobRepository;
import io.transcodezip.core.testing.RecordingJobSignals;
import io.transcodezip.core.usecase.DownloadJobService;
import java.util.Set;
import io.transcodezip.core.port.out.CallBudget;
import io.transcodezip.core.testing.InMemoryAccessTokenStore;
import io.transcodezip.core.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The ports the gateway needs from its environment, as core's fakes. */
public class TestPorts {

    /** A budget that always has a slot, and counts how many it handed out. */
    public static final class CountingBudget implements CallBudget {
        final AtomicInteger reservations = new AtomicInteger();
        volatile boolean exhausted;

        @Override
        public Optional<Duration> reserve(AccountName account, Duration maxWait) {
            if (exhausted) {
                return Optional.empty();
            }
            reservations.incrementAndGet();
            return Optional.of(Duration.ZERO);
        }

        @Override
        public void throttle(AccountName account) {
        }

        @Override
        public void recovered(AccountName account) {
        }
    }

    @Produces
    @Singleton
    InMemoryAccessTokenStore tokenStore() {
        return new InMemoryAccessTokenStore();
    }

    @Produces
    @Singleton
    CountingBudget budget() {
        return new CountingBudget();
    }

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-03-23T07:00:00Z"));
    }

    @Produces
    @Singleton
    InMemoryDownloadJobRepository jobRepository(MutableClock clock) {
        return new InMemoryDownloadJobRepository(clock);
    }

    @Produces
    @Singleton
    RecordingJobSignals signals(MutableClock clock) {
        return new RecordingJobSignals(clock);
    }

    /** The use cases the REST resources drive, over the in-memory fakes. */
    @Produces
    @Singleton
    DownloadJobService jobs(InMemoryDownloadJobRepository repository, RecordingJobSignals signals, MutableClock clock) {
        return new DownloadJobService(repository, signals, clock, PollPolicy.DEFAULT,
                Set.of(AccountName.DEFAULT, AccountName.of("second")));
    }

    /** acme's key is configured in plain, globex's as a digest. */
    @Produces
    @Singleton
    ApiKeys apiKeys() {
        return ApiKeys.parse("acme:acme-key, globex:" + ApiKeys.digestOf("globex-key"));
    }
}
