package io.transcodezip.adapters.http.out;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.transcodezip.adapters.http.out.PlatformStubs.ACCESS_TOKEN;
import static io.transcodezip.adapters.http.out.PlatformStubs.DOWNLOAD_ALL;
import static io.transcodezip.adapters.http.out.PlatformStubs.EXPIRED_AT;
import static io.transcodezip.adapters.http.out.PlatformStubs.answer;
import static io.transcodezip.adapters.http.out.PlatformStubs.envelope;
import static io.transcodezip.adapters.http.out.PlatformStubs.platform;
import static io.transcodezip.adapters.http.out.PlatformStubs.status;
import static io.transcodezip.adapters.http.out.PlatformStubs.tokenAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.AccessToken;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import io.transcodezip.core.testing.InMemoryAccessTokenStore;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway against a stub platform: every documented answer and every way a call can go wrong. */
@QuarkusTest
@WithTestResource(value = WireMockPlatform.class, scope = TestResourceScope.GLOBAL)
class Pan123TranscodeGatewayTest {

    private static final AccountName DEFAULT = AccountName.DEFAULT;
    private static final ZipName ZIP = ZipName.of("good.mp4");
    private static final Instant START = Instant.parse("2026-03-23T07:00:00Z");

    @Inject
    Pan123TranscodeGateway gateway;
    @Inject
    Pan123Tokens tokens;
    @Inject
    InMemoryAccessTokenStore store;
    @Inject
    TestPorts.CountingBudget budget;
    @Inject
    MutableClock clock;

    @BeforeEach
    void freshPlatform() {
        PlatformStubs.reset(tokens, store, clock, START);
        budget.reservations.set(0);
        budget.exhausted = false;
        tokenAnswers("token-A", EXPIRED_AT);
    }

    private DownloadAllResult request(long fileId) {
        return gateway.requestDownloadAll(DEFAULT, FileId.of(fileId), ZIP);
    }

    private void assertFailure(ThrowingCallable call, Kind kind, Integer code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TranscodeGatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.upstreamCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void everyRequest_carriesThePlatformHeaders_theTokenAndTheBody() {
        answer(2875008, PlatformStubs.packaging());

        assertThat(request(2875008)).isInstanceOf(DownloadAllResult.Packaging.class);

        platform().verify(1, postRequestedFor(urlEqualTo(ACCESS_TOKEN))
                .withHeader("Platform", equalTo("open_platform"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson(
                        "{\"clientID\":\"test-client-id\",\"clientSecret\":\"test-client-secret-value\"}")));
        platform().verify(1, postRequestedFor(urlEqualTo(DOWNLOAD_ALL))
                .withHeader("Platform", equalTo("open_platform"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer token-A"))
                .withRequestBody(equalToJson("{\"fileId\":2875008,\"zipName\":\"good.mp4\"}")));
    }

    @Test
    void aChineseZipName_arrivesIntact() {
        answer(5, PlatformStubs.packaging());

        gateway.requestDownloadAll(DEFAULT, FileId.of(5), ZipName.of("全部清晰度 视频.zip"));

        platform().verify(postRequestedFor(urlEqualTo(DOWNLOAD_ALL))
                .withRequestBody(equalToJson("{\"fileId\":5,\"zipName\":\"全部清晰度 视频.zip\"}")));
    }

    @Test
    void aLargeFileId_isSentAsA64BitNumber() {
        answer(Long.MAX_VALUE, PlatformStubs.packaging());
        gateway.requestDownloadAll(DEFAULT, FileId.of(Long.MAX_VALUE), ZIP);
        platform().verify(postRequestedFor(urlEqualTo(DOWNLOAD_ALL))
                .withRequestBody(equalToJson("{\"fileId\":" + Long.MAX_VALUE + ",\"zipName\":\"good.mp4\"}")));
    }

    @Test
    void theDocumentedAnswers_mapToTheirResults() {
        answer(1, PlatformStubs.packaging());
        answer(2, PlatformStubs.spaceFull());
        Instant exp = Instant.parse("2026-03-23T07:05:00Z");
        answer(3, PlatformStubs.ready(Jobs.platformUrl(exp)));

        assertThat(request(1)).isInstanceOf(DownloadAllResult.Packaging.class);
        assertThat(request(2)).isInstanceOf(DownloadAllResult.SpaceFull.class);
        DownloadAllResult ready = request(3);
        assertThat(ready).isInstanceOf(DownloadAllResult.Ready.class);
        assertThat(((DownloadAllResult.Ready) ready).url().expiresAt()).isEqualTo(exp);
    }

    @Test
    void isFull_winsOverEverythingElse() {
        answer(6, envelope(0, "ok", "{\"isDownloading\":true,\"isFull\":true,\"downloadUrl\":\"https://x/y.zip\"}", "t"));
        assertThat(request(6)).isInstanceOf(DownloadAllResult.SpaceFull.class);
    }

    @Test
    void doneNotFullWithoutAUrl_isAContradiction_notReady() {
        answer(7, envelope(0, "ok", "{\"isDownloading\":false,\"isFull\":false,\"downloadUrl\":\"\"}", "trace-7"));
        assertFailure(() -> request(7), Kind.UNAVAILABLE, 0, "gave no download URL");
    }

    @Test
    void aUrlWithoutAReadableToken_livesFiveMinutesFromNow() {
        answer(8, PlatformStubs.ready("https://dev3.123pan.com/x.zip?fileId=1"));
        DownloadAllResult.Ready ready = (DownloadAllResult.Ready) request(8);
        assertThat(ready.url().expiresAt()).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void code1_isUnavailable() {
        answer(10, envelope(1, "internal error", "null", "trace-1"));
        assertFailure(() -> request(10), Kind.UNAVAILABLE, 1, "internal error");
    }

    @Test
    void code429_isRateLimited() {
        answer(11, envelope(429, "请求太频繁", "null", "trace-429"));
        assertFailure(() -> request(11), Kind.RATE_LIMITED, 429, "请求太频繁");
    }

    @ParameterizedTest
    @ValueSource(ints = {5066, 5113, 9999, -1})
    void permanentAndUnknownCodes_areRejected_withCodeMessageAndTrace(int code) {
        answer(12, envelope(code, "refused " + code, "null", "trace-" + code));

        assertThatThrownBy(() -> request(12)).isInstanceOfSatisfying(TranscodeGatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.upstreamCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains("refused " + code);
            assertThat(e.traceId()).isEqualTo("trace-" + code);
        });
    }

    @Test
    void theBodyCodeDecides_notTheHttpStatus() {
        answer(13, status(400, envelope(5066, "文件不存在", "null", "trace-13")));
        assertFailure(() -> request(13), Kind.REJECTED, 5066, "文件不存在");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void http5xx_isUnavailable(int httpStatus) {
        answer(14, status(httpStatus, "<html>bad gateway</html>"));
        assertFailure(() -> request(14), Kind.UNAVAILABLE, null, "HTTP " + httpStatus);
    }

    @Test
    void malformedJson_emptyBody_andSuccessWithoutData_areUnavailable() {
        answer(15, status(200, "{\"code\":0,\"message\":"));
        answer(16, status(200, ""));
        answer(17, okJson(envelope(0, "ok", "null", "trace-17")));
        answer(18, okJson("[1,2,3]"));

        assertFailure(() -> request(15), Kind.UNAVAILABLE, null, "malformed JSON");
        assertFailure(() -> request(16), Kind.UNAVAILABLE, null, "empty body");
        assertFailure(() -> request(17), Kind.UNAVAILABLE, 0, "success without data");
        assertFailure(() -> request(18), Kind.UNAVAILABLE, null, "has no code");
    }

    @Test
    void everyFailure_carriesTheTraceIdWhenTheBodyHadOne() {
        answer(19, status(503, envelope(1, "busy", "null", "trace-503")));
        assertThatThrownBy(() -> request(19)).isInstanceOfSatisfying(TranscodeGatewayException.class,
                e -> assertThat(e.traceId()).isEqualTo("trace-503"));
    }

    @Test
    void aReadTimeout_isUnavailable() {
        answer(20, okJson(PlatformStubs.packaging()).withFixedDelay(3_000));
        assertFailure(() -> request(20), Kind.UNAVAILABLE, null, "timed out");
    }

    @Test
    void aDroppedConnection_isUnavailable() {
        answer(21, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertFailure(() -> request(21), Kind.UNAVAILABLE, null, "download-all for account default file 21");
    }

    @Test
    void aRefusedConnection_isUnavailable() {
        assertFailure(() -> gateway.requestDownloadAll(AccountName.of("nowhere"), FileId.of(22), ZIP),
                Kind.UNAVAILABLE, null, "connection refused");
    }

    @Test
    void aRefusedToken_isReplacedOnce_andTheCallRetriedInASlotOfItsOwn() {
        store.save(DEFAULT, new AccessToken("token-old", Instant.parse("2026-03-23T09:00:00Z")));
        platform().stubFor(PlatformStubs.downloadAllOf(23).withHeader("Authorization", equalTo("Bearer token-old"))
                .willReturn(okJson(envelope(401, "access_token无效", "null", "trace-401"))));
        platform().stubFor(PlatformStubs.downloadAllOf(23).withHeader("Authorization", equalTo("Bearer token-A"))
                .willReturn(okJson(PlatformStubs.spaceFull())));

        assertThat(request(23)).isInstanceOf(DownloadAllResult.SpaceFull.class);

        platform().verify(1, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
        platform().verify(2, postRequestedFor(urlEqualTo(DOWNLOAD_ALL)));
        assertThat(budget.reservations.get()).as("the retry had a slot of its own").isEqualTo(1);
        assertThat(store.load(DEFAULT)).get().extracting(AccessToken::value).isEqualTo("token-A");
    }

    @Test
    void aSecond401_isUnauthorized() {
        answer(24, envelope(401, "tokens number has exceeded the limit", "null", "trace-401"));
        assertFailure(() -> request(24), Kind.UNAUTHORIZED, 401, "tokens number has exceeded the limit");
        platform().verify(2, postRequestedFor(urlEqualTo(DOWNLOAD_ALL)));
        platform().verify(2, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
    }

    @Test
    void noSlotForTheRetry_meansNoRetry() {
        answer(25, envelope(401, "expired", "null", "trace"));
        budget.exhausted = true;
        assertFailure(() -> request(25), Kind.RATE_LIMITED, null, "no call slot was free for the retry");
        platform().verify(1, postRequestedFor(urlEqualTo(DOWNLOAD_ALL)));
    }

    @Test
    void aWrongSecret_isUnauthorized_withThePlatformsMessage_andNotRetriedInALoop() {
        platform().stubFor(post(urlEqualTo(ACCESS_TOKEN)).withRequestBody(equalToJson(
                        "{\"clientID\":\"wrong-client-id\",\"clientSecret\":\"wrong-client-secret-value\"}"))
                .willReturn(okJson(envelope(401, "clientSecret错误", "null", "trace-secret"))));
        AccountName wrong = AccountName.of("wrong");

        for (int i = 0; i < 5; i++) {
            assertFailure(() -> gateway.requestDownloadAll(wrong, FileId.of(26), ZIP), Kind.UNAUTHORIZED, 401,
                    "clientSecret错误");
        }
        platform().verify(1, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
        platform().verify(0, postRequestedFor(urlEqualTo(DOWNLOAD_ALL)));

        clock.advance(Duration.ofSeconds(61));
        assertFailure(() -> gateway.requestDownloadAll(wrong, FileId.of(26), ZIP), Kind.UNAUTHORIZED, 401, "错误");
        platform().verify(2, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
    }

    @Test
    void aFixedToken_isUsedAsIs_andNeverRefreshed() {
        answer(27, envelope(401, "invalid", "null", "t"));
        answer(28, PlatformStubs.packaging());
        AccountName fixed = AccountName.of("fixed");

        gateway.requestDownloadAll(fixed, FileId.of(28), ZIP);
        assertFailure(() -> gateway.requestDownloadAll(fixed, FileId.of(27), ZIP), Kind.UNAUTHORIZED, 401, "invalid");

        platform().verify(postRequestedFor(urlEqualTo(DOWNLOAD_ALL))
                .withHeader("Authorization", equalTo("Bearer fixed-access-token-value")));
        platform().verify(0, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
    }

    @Test
    void anAccountWithoutCredentials_isUnauthorized() {
        assertFailure(() -> gateway.requestDownloadAll(AccountName.of("unknown"), FileId.of(29), ZIP),
                Kind.UNAUTHORIZED, null, "has no credentials configured");
    }

    @Test
    void expiredAt_withAnOffset_isReadAsTheInstantItNames() {
        answer(30, PlatformStubs.packaging());
        request(30);
        assertThat(store.load(DEFAULT)).get().extracting(AccessToken::expiresAt)
                .isEqualTo(Instant.parse("2026-03-23T07:48:37Z"));
    }

    @Test
    void aTokenIsRefreshedFiveMinutesBeforeItExpires() {
        answer(31, PlatformStubs.packaging());
        request(31);
        clock.set(Instant.parse("2026-03-23T07:43:00Z"));
        request(31);
        platform().verify(1, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));

        tokenAnswers("token-B", "2026-03-23T16:48:37+08:00");
        clock.set(Instant.parse("2026-03-23T07:44:00Z"));
        request(31);

        platform().verify(2, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
        platform().verify(postRequestedFor(urlEqualTo(DOWNLOAD_ALL)).withHeader("Authorization", equalTo("Bearer token-B")));
    }

    @Test
    void aTokenSavedByAnotherInstance_isUsedInsteadOfFetchingOne() {
        store.save(DEFAULT, new AccessToken("token-of-another-instance", Instant.parse("2026-03-24T00:00:00Z")));
        answer(32, PlatformStubs.packaging());

        request(32);

        platform().verify(0, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
        platform().verify(postRequestedFor(urlEqualTo(DOWNLOAD_ALL))
                .withHeader("Authorization", equalTo("Bearer token-of-another-instance")));
    }

    @Test
    void tenConcurrentCallsWithoutAToken_fetchExactlyOne() throws Exception {
        platform().stubFor(post(urlEqualTo(ACCESS_TOKEN)).inScenario("slow token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(envelope(0, "ok", "{\"accessToken\":\"token-A\",\"expiredAt\":\"" + EXPIRED_AT + "\"}",
                        "t")).withFixedDelay(300)));
        answer(33, PlatformStubs.packaging());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(10);
        List<Future<DownloadAllResult>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(callers.submit(() -> {
                start.await();
                return request(33);
            }));
        }
        start.countDown();
        for (Future<DownloadAllResult> r : results) {
            assertThat(r.get()).isInstanceOf(DownloadAllResult.Packaging.class);
        }
        callers.shutdown();

        platform().verify(1, postRequestedFor(urlEqualTo(ACCESS_TOKEN)));
        platform().verify(10, postRequestedFor(urlEqualTo(DOWNLOAD_ALL)).withHeader("Authorization", equalTo("Bearer token-A")));
    }
}
