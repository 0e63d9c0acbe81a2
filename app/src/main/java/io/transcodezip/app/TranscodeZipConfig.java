package io.transcodezip.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings (prefix {@code transcodezip}); the platform's are under {@code pan123}. */
@ConfigMapping(prefix = "transcodezip")
public interface TranscodeZipConfig {

    /** Where the embedded database and the generated API key live. Env {@code TRANSCODEZIP_DATA_DIR}. */
    @WithDefault("./data")
    Path dataDir();

    /** Comma-separated {@code tenant:key} or {@code tenant:sha256:<hex>}. Env {@code TRANSCODEZIP_API_KEYS}. */
    Optional<String> apiKeys();

    /** This instance's name on the leases it takes; defaults to the host name and a random suffix. */
    Optional<String> instanceId();

    Poll poll();

    Retention retention();

    Sandbox sandbox();

    Log log();

    SwaggerUi swaggerUi();

    /** How the service logs. */
    interface Log {
        /** JSON lines instead of text. Env {@code TRANSCODEZIP_LOG_JSON}. */
        @WithDefault("false")
        boolean json();
    }

    /** The interactive API page at /q/swagger-ui. */
    interface SwaggerUi {
        /** Env {@code TRANSCODEZIP_SWAGGER_UI_ENABLED}. */
        @WithDefault("false")
        boolean enabled();
    }

    /** How long a stopping instance lets calls under way finish before it gives their jobs back. */
    @WithDefault("10s")
    Duration shutdownGrace();

    /** How jobs are polled. */
    interface Poll {
        /** Between two polls of a job that is packaging. Env {@code TRANSCODEZIP_POLL_INTERVAL}. */
        @WithDefault("10s")
        Duration interval();

        /** Fraction of the interval added or removed at random. */
        @WithDefault("0.1")
        double jitter();

        /** Cap of the backoff after transient failures. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** After this, a job still packaging times out. Env {@code TRANSCODEZIP_POLL_MAX_WAIT}. */
        @WithDefault("1h")
        Duration maxWait();

        /** Transient failures in a row before a job fails. */
        @WithDefault("20")
        int maxErrors();

        /** How long a claimed job stays this instance's without a write. */
        @WithDefault("30s")
        Duration lease();

        /** How often the poller runs a tick. Env {@code TRANSCODEZIP_POLL_TICK}. */
        @WithDefault("1s")
        Duration tick();

        /** Upstream calls under way at once in this instance. */
        @WithDefault("8")
        int maxInFlight();
    }

    /** How long finished jobs are kept. */
    interface Retention {
        @WithDefault("7d")
        Duration age();

        @WithDefault("500")
        int batchSize();
    }

    /** The simulated platform served by the service itself. */
    interface Sandbox {
        /** Env {@code TRANSCODEZIP_SANDBOX_ENABLED}. */
        @WithDefault("false")
        boolean enabled();
    }
}
