package io.transcodezip.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import java.time.Instant;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TranscodeGateway} must do, whatever is behind it. Subclasses arrange what the
 * platform answers for a file: the scripted fake scripts it, the HTTP adapter stubs the platform.
 */
public abstract class TranscodeGatewayContract {

    protected static final AccountName ACCOUNT = AccountName.DEFAULT;
    protected static final ZipName ZIP = ZipName.of("good.mp4");

    protected abstract TranscodeGateway gateway();

    protected abstract void platformAnswersPackaging(FileId fileId);

    protected abstract void platformAnswersSpaceFull(FileId fileId);

    protected abstract void platformAnswersReady(FileId fileId, String url);

    /** The platform answers with a non-zero body code, a message and a trace id. */
    protected abstract void platformAnswersCode(FileId fileId, int code, String message, String traceId);

    /** The platform cannot be reached or answers with something that is not its envelope. */
    protected abstract void platformIsDown(FileId fileId);

    @Test
    void packaging_isPackaging() {
        platformAnswersPackaging(FileId.of(11));
        assertThat(gateway().requestDownloadAll(ACCOUNT, FileId.of(11), ZIP))
                .isInstanceOf(DownloadAllResult.Packaging.class);
    }

    @Test
    void spaceFull_isSpaceFull() {
        platformAnswersSpaceFull(FileId.of(12));
        assertThat(gateway().requestDownloadAll(ACCOUNT, FileId.of(12), ZIP))
                .isInstanceOf(DownloadAllResult.SpaceFull.class);
    }

    @Test
    void ready_carriesTheUrl_andItsExpiryFromTheToken() {
        Instant exp = Instant.parse("2030-01-01T00:05:00Z");
        String url = Jobs.platformUrl(exp);
        platformAnswersReady(FileId.of(13), url);

        DownloadAllResult result = gateway().requestDownloadAll(ACCOUNT, FileId.of(13), ZIP);

        assertThat(result).asInstanceOf(InstanceOfAssertFactories.type(DownloadAllResult.Ready.class))
                .satisfies(ready -> {
                    assertThat(ready.url().url()).isEqualTo(url);
                    assertThat(ready.url().expiresAt()).isEqualTo(exp);
                });
    }

    @Test
    void fileMissing_isRejected_withTheUpstreamCodeMessageAndTrace() {
        platformAnswersCode(FileId.of(14), 5066, "文件不存在", "trace-5066");

        assertThatThrownBy(() -> gateway().requestDownloadAll(ACCOUNT, FileId.of(14), ZIP))
                .isInstanceOfSatisfying(TranscodeGatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.upstreamCode()).isEqualTo(5066);
                    assertThat(e.getMessage()).contains("文件不存在");
                    assertThat(e.traceId()).isEqualTo("trace-5066");
                });
    }

    @Test
    void tooManyRequests_isRateLimited() {
        platformAnswersCode(FileId.of(15), 429, "请求太频繁", "trace-429");

        assertThatThrownBy(() -> gateway().requestDownloadAll(ACCOUNT, FileId.of(15), ZIP))
                .isInstanceOfSatisfying(TranscodeGatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.upstreamCode()).isEqualTo(429);
                });
    }

    @Test
    void internalError_isUnavailable() {
        platformAnswersCode(FileId.of(16), 1, "internal error", "trace-1");

        assertThatThrownBy(() -> gateway().requestDownloadAll(ACCOUNT, FileId.of(16), ZIP))
                .isInstanceOfSatisfying(TranscodeGatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void platformDown_isUnavailable() {
        platformIsDown(FileId.of(17));

        assertThatThrownBy(() -> gateway().requestDownloadAll(ACCOUNT, FileId.of(17), ZIP))
                .isInstanceOfSatisfying(TranscodeGatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }
}
