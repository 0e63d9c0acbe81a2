package io.transcodezip.adapters.http.out;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.transcodezip.adapters.http.out.PlatformStubs.EXPIRED_AT;
import static io.transcodezip.adapters.http.out.PlatformStubs.envelope;
import static io.transcodezip.adapters.http.out.PlatformStubs.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.AccessToken;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.testing.InMemoryAccessTokenStore;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.LogCapture;
import io.transcodezip.core.testing.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Everything this module logs at DEBUG through a token refresh and a ready answer, checked for secrets. */
@QuarkusTest
@WithTestResource(value = WireMockPlatform.class, scope = TestResourceScope.GLOBAL)
class NoSecretInLogsTest {

    private static final List<String> CATEGORIES = List.of("io.transcodezip", "org.jboss.resteasy.reactive.client",
            "io.quarkus.rest.client");

    private LogCapture capture;

    @Inject
    Pan123TranscodeGateway gateway;
    @Inject
    Pan123Tokens tokens;
    @Inject
    InMemoryAccessTokenStore store;
    @Inject
    MutableClock clock;

    @BeforeEach
    void captureDebugLogs() {
        PlatformStubs.reset(tokens, store, clock, Instant.parse("2026-03-23T07:00:00Z"));
        capture = LogCapture.start(CATEGORIES.toArray(String[]::new));
    }

    @AfterEach
    void stopCapturing() {
        capture.close();
    }

    @Test
    void aTokenRefreshAndAReadyAnswer_leaveNoSecretInTheLogs() {
        String url = Jobs.platformUrl(Instant.parse("2026-03-23T07:05:00Z"));
        String jwt = url.substring(url.indexOf("Bearer ") + 7);
        store.save(AccountName.DEFAULT, new AccessToken("stale-token-value", Instant.parse("2026-03-24T00:00:00Z")));
        platform().stubFor(PlatformStubs.downloadAllOf(2875008)
                .withHeader("Authorization", equalTo("Bearer stale-token-value"))
                .willReturn(okJson(envelope(401, "access_token expired: stale-token-value", "null", "trace-401"))));
        platform().stubFor(PlatformStubs.downloadAllOf(2875008)
                .withHeader("Authorization", equalTo("Bearer fresh-token-value"))
                .willReturn(okJson(PlatformStubs.ready(url))));
        PlatformStubs.tokenAnswers("fresh-token-value", EXPIRED_AT);
        // A refused secret is logged as a warning: that line must be clean too.
        platform().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(PlatformStubs.ACCESS_TOKEN))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("wrong-client-id"))
                .willReturn(okJson(envelope(401, "bad secret wrong-client-secret-value", "null", "t"))));

        DownloadAllResult result = gateway.requestDownloadAll(AccountName.DEFAULT, FileId.of(2875008),
                ZipName.of("good.mp4"));
        assertThatThrownBy(() -> gateway.requestDownloadAll(AccountName.of("wrong"), FileId.of(1), ZipName.of("x.zip")))
                .hasMessageNotContaining("wrong-client-secret-value");

        assertThat(result).isInstanceOf(DownloadAllResult.Ready.class);
        String log = capture.text();
        assertThat(log).as("the capture works").contains("download-all for account default file 2875008")
                .contains("token refused").contains("ready at");
        assertThat(log).doesNotContain("stale-token-value", "fresh-token-value", "test-client-secret-value",
                "wrong-client-secret-value", jwt, "token=Bearer", "eyJ");
    }
}
