package io.transcodezip.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The 123pan platform as a stub, for the whole service under test; tokens are always handed out. */
public class WireMockUpstream implements QuarkusTestResourceLifecycleManager {

    static final String DOWNLOAD_ALL = "/api/v1/transcode/file/download/all";
    private static WireMockServer server;

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
            server.start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        WireMockServer wm = server();
        wm.stubFor(post(urlEqualTo("/api/v1/access_token")).atPriority(10).willReturn(okJson(
                "{\"code\":0,\"message\":\"ok\",\"data\":{\"accessToken\":\"e2e-token\","
                        + "\"expiredAt\":\"2099-01-01T00:00:00+08:00\"},\"x-traceID\":\"token\"}")));
        return Map.of("pan123.base-url", wm.baseUrl());
    }

    @Override
    public void stop() {
        // Shared by the test classes of this JVM.
    }
}
