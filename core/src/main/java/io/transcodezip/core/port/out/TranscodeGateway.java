package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;

/** The platform's download-all endpoint, which both starts the packaging and reports on it. */
public interface TranscodeGateway {

    /**
     * Asks the platform for the zip of every rendition of {@code fileId}, under {@code account}.
     *
     * @throws TranscodeGatewayException when no documented answer came back
     */
    DownloadAllResult requestDownloadAll(AccountName account, FileId fileId, ZipName zipName);

    /**
     * Gets ready for a call of {@code account} (an access token, say), so that the call itself leaves
     * at once when its slot of the call budget begins. Optional; failures are those of a call.
     *
     * @throws TranscodeGatewayException when the call could not be made anyway
     */
    default void prepare(AccountName account) {
    }
}
