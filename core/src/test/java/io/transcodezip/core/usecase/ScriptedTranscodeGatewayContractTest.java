package io.transcodezip.core.usecase;

import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import io.transcodezip.core.testing.ScriptedTranscodeGateway;
import io.transcodezip.core.testing.TranscodeGatewayContract;
import java.time.Instant;

/** Keeps the scripted fake honest: it answers the way the real adapter does. */
class ScriptedTranscodeGatewayContractTest extends TranscodeGatewayContract {

    private final ScriptedTranscodeGateway gateway = new ScriptedTranscodeGateway();

    @Override
    protected TranscodeGateway gateway() {
        return gateway;
    }

    @Override
    protected void platformAnswersPackaging(FileId fileId) {
        gateway.script(fileId, new DownloadAllResult.Packaging());
    }

    @Override
    protected void platformAnswersSpaceFull(FileId fileId) {
        gateway.script(fileId, new DownloadAllResult.SpaceFull());
    }

    @Override
    protected void platformAnswersReady(FileId fileId, String url) {
        gateway.script(fileId, new DownloadAllResult.Ready(DownloadUrl.parse(url, Instant.now())));
    }

    @Override
    protected void platformAnswersCode(FileId fileId, int code, String message, String traceId) {
        Kind kind = code == 1 ? Kind.UNAVAILABLE : code == 429 ? Kind.RATE_LIMITED
                : code == 401 ? Kind.UNAUTHORIZED : Kind.REJECTED;
        gateway.script(fileId, new TranscodeGatewayException(kind, code, message, traceId));
    }

    @Override
    protected void platformIsDown(FileId fileId) {
        gateway.script(fileId, TranscodeGatewayException.unavailable("connection refused", null));
    }
}
