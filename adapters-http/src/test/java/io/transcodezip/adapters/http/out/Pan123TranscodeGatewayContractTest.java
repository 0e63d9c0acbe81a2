package io.transcodezip.adapters.http.out;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.testing.TranscodeGatewayContract;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** The port's contract, met by the real HTTP client against a stub platform. */
@QuarkusTest
@WithTestResource(value = WireMockPlatform.class, scope = TestResourceScope.GLOBAL)
class Pan123TranscodeGatewayContractTest extends TranscodeGatewayContract {

    @Inject
    Pan123TranscodeGateway gateway;

    @BeforeEach
    void platformHandsOutTokens() {
        PlatformStubs.platform().resetAll();
        PlatformStubs.tokenAnswers("contract-token", PlatformStubs.EXPIRED_AT);
    }

    @Override
    protected TranscodeGateway gateway() {
        return gateway;
    }

    @Override
    protected void platformAnswersPackaging(FileId fileId) {
        PlatformStubs.answer(fileId.value(), PlatformStubs.packaging());
    }

    @Override
    protected void platformAnswersSpaceFull(FileId fileId) {
        PlatformStubs.answer(fileId.value(), PlatformStubs.spaceFull());
    }

    @Override
    protected void platformAnswersReady(FileId fileId, String url) {
        PlatformStubs.answer(fileId.value(), PlatformStubs.ready(url));
    }

    @Override
    protected void platformAnswersCode(FileId fileId, int code, String message, String traceId) {
        PlatformStubs.answer(fileId.value(), PlatformStubs.envelope(code, message, "null", traceId));
    }

    @Override
    protected void platformIsDown(FileId fileId) {
        PlatformStubs.answer(fileId.value(), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }
}
