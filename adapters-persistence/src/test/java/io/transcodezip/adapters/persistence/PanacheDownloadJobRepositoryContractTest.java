package io.transcodezip.adapters.persistence;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.testing.DownloadJobRepositoryContract;
import jakarta.inject.Inject;
import java.time.Duration;

/** The repository contract, against PostgreSQL: leases run on the database's real clock. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PanacheDownloadJobRepositoryContractTest extends DownloadJobRepositoryContract {

    @Inject
    PanacheDownloadJobRepository repository;

    @Override
    protected DownloadJobRepository repository() {
        return repository;
    }

    @Override
    protected void storeTimePasses(Duration by) {
        // The database's clock moves by itself; the contract waits for the lease with Awaitility.
    }

    @Override
    protected boolean storeClockIsReal() {
        return true;
    }
}
