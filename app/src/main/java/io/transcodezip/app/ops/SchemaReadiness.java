package io.transcodezip.app.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;

/** Ready only while the database answers and every migration is applied. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final Flyway flyway;

    SchemaReadiness(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            var info = flyway.info();
            int pending = info.pending().length;
            var builder = HealthCheckResponse.named("database schema")
                    .withData("version", info.current() == null ? "none" : info.current().getVersion().getVersion())
                    .withData("pending migrations", pending);
            return pending == 0 ? builder.up().build() : builder.down().build();
        } catch (RuntimeException unreachable) {
            return HealthCheckResponse.named("database schema").down()
                    .withData("error", unreachable.getClass().getSimpleName()).build();
        }
    }
}
