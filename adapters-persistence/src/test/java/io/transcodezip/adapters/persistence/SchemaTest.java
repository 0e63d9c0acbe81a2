package io.transcodezip.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations applied to an empty database at start, Hibernate validated the result (the
 * application would not have started otherwise), and the constraints refuse what no state allows.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SchemaTest {

    @Inject
    Flyway flyway;

    @Inject
    EntityManager em;

    @Test
    void migrationsApplied_andHibernateOnlyValidates() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(ConfigProvider.getConfig().getValue("quarkus.hibernate-orm.schema-management.strategy", String.class))
                .isEqualTo("validate");
    }

    @Test
    @TestTransaction
    void aReadyRowWithoutUrl_isRefusedByTheDatabase() {
        assertThatThrownBy(() -> em.createNativeQuery("""
                INSERT INTO download_job (id, tenant, account, file_id, zip_name, state, calls, consecutive_errors,
                                          deadline, created_at, updated_at, finished_at, version)
                VALUES (gen_random_uuid(), 't', 'a', 1, 'x.zip', 'READY', 0, 0, now(), now(), now(), now(), 1)
                """).executeUpdate()).isInstanceOf(PersistenceException.class).hasStackTraceContaining("ready_has_url");
    }

    @Inject
    PanacheDownloadJobRepository repository;

    @Test
    void aFailingStatement_leavesTheAdapterAsTheportsStoreException() {
        assertThatThrownBy(() -> repository.deleteFinishedBefore(java.time.Instant.now(), -1))
                .isInstanceOfSatisfying(io.transcodezip.core.port.out.StoreException.class, e -> {
                    assertThat(e.isTransient()).as("a refused statement is not worth retrying").isFalse();
                    assertThat(e.getMessage()).contains("deleteFinishedBefore").contains("LIMIT");
                });
    }

    @Test
    @Transactional
    void theIndexesAClaimNeeds_exist() {
        @SuppressWarnings("unchecked")
        List<String> indexes = em.createNativeQuery(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'download_job'").getResultList();
        assertThat(indexes).contains("download_job_one_active", "download_job_due", "download_job_tenant_newest");
    }
}
