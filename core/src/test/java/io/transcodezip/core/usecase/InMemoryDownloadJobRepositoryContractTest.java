package io.transcodezip.core.usecase;

import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.testing.DownloadJobRepositoryContract;
import io.transcodezip.core.testing.InMemoryDownloadJobRepository;
import io.transcodezip.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

/** Keeps the in-memory fake honest: it behaves as the PostgreSQL repository does. */
class InMemoryDownloadJobRepositoryContractTest extends DownloadJobRepositoryContract {

    private final MutableClock storeClock = new MutableClock(Instant.now());
    private final InMemoryDownloadJobRepository repository = new InMemoryDownloadJobRepository(storeClock);

    @Override
    protected DownloadJobRepository repository() {
        return repository;
    }

    @Override
    protected void storeTimePasses(Duration by) {
        storeClock.advance(by);
    }
}
