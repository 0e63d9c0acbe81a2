package io.transcodezip.adapters.http.out;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.transcodezip.core.testing.InMemoryAccessTokenStore;
import io.transcodezip.core.testing.MutableClock;
import java.time.Instant;

/** Answers of the platform as its documentation shows them. */
final class PlatformStubs {

    static final String DOWNLOAD_ALL = "/api/v1/transcode/file/download/all";
    static final String ACCESS_TOKEN = "/api/v1/access_token";
    static final String EXPIRED_AT = "2026-03-23T15:48:37+08:00";

    private PlatformStubs() {
    }

    /** A platform with no stubs, a gateway that remembers no token, an empty store, the clock at {@code start}. */
    static void reset(Pan123Tokens tokens, InMemoryAccessTokenStore store, MutableClock clock, Instant start) {
        platform().resetAll();
        tokens.forgetLocalState();
        store.clear();
        clock.set(start);
    }

    static WireMockServer platform() {
        return WireMockPlatform.server();
    }

    static String envelope(int code, String message, String data, String traceId) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"data\":" + data + ",\"x-traceID\":\""
                + traceId + "\"}";
    }

    static String packaging() {
        return envelope(0, "ok", "{\"isDownloading\":true,\"isFull\":false,\"downloadUrl\":\"\"}", "");
    }

    static String spaceFull() {
        return envelope(0, "ok", "{\"isDownloading\":false,\"isFull\":true,\"downloadUrl\":\"\"}", "");
    }

    static String ready(String url) {
        return envelope(0, "ok", "{\"isDownloading\":false,\"isFull\":false,\"downloadUrl\":\"" + url + "\"}",
                "92c4d4f3-10d2-4423-9d26-7909cbdb7db4_test-kong-5bd74855d7-c2t4z");
    }

    static MappingBuilder downloadAllOf(long fileId) {
        return post(urlEqualTo(DOWNLOAD_ALL)).withRequestBody(matchingJsonPath("$.fileId", equalTo(Long.toString(fileId))));
    }

    static void answer(long fileId, String body) {
        platform().stubFor(downloadAllOf(fileId).willReturn(okJson(body)));
    }

    static void answer(long fileId, ResponseDefinitionBuilder response) {
        platform().stubFor(downloadAllOf(fileId).willReturn(response));
    }

    static void tokenAnswers(String token, String expiredAt) {
        platform().stubFor(post(urlEqualTo(ACCESS_TOKEN)).willReturn(okJson(envelope(0, "ok",
                "{\"accessToken\":\"" + token + "\",\"expiredAt\":\"" + expiredAt + "\"}", "token-trace"))));
    }

    static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
