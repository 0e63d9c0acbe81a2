package io.transcodezip.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the service. Without {@code quarkus.datasource.jdbc.url} it first starts an embedded
 * PostgreSQL on {@code <data-dir>/postgres}, kept across restarts, and stops it after the service.
 */
@QuarkusMain
public class TranscodeZipMain {

    /** System property naming the embedded database's directory while one runs. */
    static final String EMBEDDED_MARKER = "io.transcodezip.embedded-postgres";

    public static void main(String... args) {
        Config config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .filter(u -> !u.isBlank());
        if (url.isPresent()) {
            Quarkus.run(args);
            return;
        }
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            System.err.println("transcodezip: the native build needs a database: set QUARKUS_DATASOURCE_JDBC_URL "
                    + "(and QUARKUS_DATASOURCE_USERNAME / _PASSWORD). The embedded PostgreSQL is a JVM-mode convenience.");
            System.exit(2);
        }
        Path dataDir = Path.of(config.getOptionalValue("transcodezip.data-dir", String.class).orElse("./data"));
        System.exit(runWithEmbeddedDatabase(dataDir.resolve("postgres").toAbsolutePath().normalize(), args));
    }

    private static volatile EmbeddedDatabase embedded;

    /** Stops the embedded database, if one runs; called once the service no longer needs it. */
    static void stopEmbeddedDatabase() {
        EmbeddedDatabase database = embedded;
        if (database != null) {
            database.close();
        }
    }

    private static int runWithEmbeddedDatabase(Path directory, String... args) {
        EmbeddedDatabase database = EmbeddedDatabase.start(directory);
        embedded = database;
        CountDownLatch serviceStopped = new CountDownLatch(1);
        // On SIGTERM the JVM may halt before main resumes: stop the database once the service is down.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                serviceStopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            database.close();
        }, "embedded-postgres-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
        System.setProperty("quarkus.datasource.password", EmbeddedDatabase.USER);
        System.setProperty(EMBEDDED_MARKER, directory.toString());
        AtomicInteger exitCode = new AtomicInteger();
        try {
            Quarkus.run(Service.class, (code, cause) -> {
                exitCode.set(code);
                if (cause != null) {
                    System.err.println("transcodezip: the service stopped with an error:");
                    cause.printStackTrace();
                }
            }, args);
        } finally {
            serviceStopped.countDown();
            database.close();
        }
        return exitCode.get();
    }

    /** Runs until the service is asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
