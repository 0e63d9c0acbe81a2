package io.transcodezip.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Readiness goes DOWN for a database with pending migrations, and for one that cannot be reached. */
class SchemaReadinessTest {

    private static Flyway flywayOn(String url) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration")
                .connectRetries(0).load();
    }

    @Test
    void aDatabaseWithPendingMigrations_isNotReady_untilMigrated() throws SQLException {
        var server = EmbeddedPostgresResource.server();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS readiness_probe");
            s.execute("CREATE DATABASE readiness_probe");
        }
        Flyway flyway = flywayOn(server.getJdbcUrl("postgres", "readiness_probe"));

        HealthCheckResponse empty = new SchemaReadiness(flyway).call();
        assertThat(empty.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(empty.getData()).get().satisfies(d -> assertThat(d).containsEntry("pending migrations", 1L));

        flyway.migrate();
        assertThat(new SchemaReadiness(flyway).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anUnreachableDatabase_isNotReady() {
        HealthCheckResponse response = new SchemaReadiness(flywayOn("jdbc:postgresql://127.0.0.1:9/none")).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().satisfies(d -> assertThat(d).containsKey("error"));
    }
}
