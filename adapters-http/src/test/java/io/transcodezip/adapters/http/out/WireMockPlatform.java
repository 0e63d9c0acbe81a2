package io.transcodezip.adapters.http.out;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A stand-in 123pan Open Platform on a free local port; {@code pan123.base-url} points at it. */
public class WireMockPlatform implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("pan123.base-url", server().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by the test classes of this JVM; it goes with the JVM.
    }
}
