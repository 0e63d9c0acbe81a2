package io.transcodezip.app.sandbox;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * With {@code transcodezip.sandbox.enabled=true}, points the {@code default} account at the simulated
 * platform this service serves itself, above application.properties but below env and system properties.
 */
public class SandboxConfigSourceFactory implements ConfigSourceFactory {

    static final String CLIENT_ID = "sandbox-client";
    static final String CLIENT_SECRET = "sandbox-secret";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue("transcodezip.sandbox.enabled");
        if (enabled == null || enabled.getValue() == null || !Boolean.parseBoolean(enabled.getValue().trim())) {
            return List.of();
        }
        // Tests serve on the test port; everything else on the ordinary one.
        String port = context.getProfiles().contains("test") ? "${quarkus.http.test-port:8081}" : "${quarkus.http.port:8080}";
        return List.of(new PropertiesConfigSource(Map.of(
                "pan123.base-url", "http://127.0.0.1:" + port + "/sandbox/pan123",
                "pan123.client-id", CLIENT_ID,
                "pan123.client-secret", CLIENT_SECRET), "transcodezip-sandbox", 275));
    }
}
