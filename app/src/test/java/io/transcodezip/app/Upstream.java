package io.transcodezip.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Scripts the stub platform per file id, and reads back what it was asked. */
final class Upstream {

    private Upstream() {
    }

    static String envelope(int code, String message, String data) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"data\":" + data
                + ",\"x-traceID\":\"trace-" + code + "\"}";
    }

    static String packaging() {
        return envelope(0, "ok", "{\"isDownloading\":true,\"isFull\":false,\"downloadUrl\":\"\"}");
    }

    static String spaceFull() {
        return envelope(0, "ok", "{\"isDownloading\":false,\"isFull\":true,\"downloadUrl\":\"\"}");
    }

    static String ready(String url) {
        return envelope(0, "ok", "{\"isDownloading\":false,\"isFull\":false,\"downloadUrl\":\"" + url + "\"}");
    }

    private static MappingBuilder downloadAllOf(long fileId) {
        return post(urlEqualTo(WireMockUpstream.DOWNLOAD_ALL))
                .withRequestBody(matchingJsonPath("$.fileId", equalTo(Long.toString(fileId))));
    }

    /** The platform answers the file's calls with these bodies in turn; the last one repeats. */
    static void answers(long fileId, String... bodies) {
        String scenario = "file-" + fileId;
        for (int i = 0; i < bodies.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "call-" + i;
            var stub = downloadAllOf(fileId).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(okJson(bodies[i]));
            WireMockUpstream.server().stubFor(i < bodies.length - 1 ? stub.willSetStateTo("call-" + (i + 1)) : stub);
        }
    }

    /** When the platform received each download-all call for the file, oldest first. */
    static List<Instant> callTimes(long fileId) {
        return downloadAllCalls().stream()
                .filter(e -> e.getRequest().getBodyAsString().matches(".*\"fileId\"\\s*:\\s*" + fileId + "\\b.*"))
                .map(e -> e.getRequest().getLoggedDate().toInstant())
                .sorted()
                .collect(Collectors.toList());
    }

    static List<ServeEvent> downloadAllCalls() {
        return WireMockUpstream.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(WireMockUpstream.DOWNLOAD_ALL))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .collect(Collectors.toList());
    }
}
