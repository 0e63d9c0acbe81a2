package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.DownloadUrl;
import java.util.Objects;

/** What the platform says about one download-all request: the three documented answers. */
public sealed interface DownloadAllResult {

    /** Upstream is still packaging the zip; ask again later. */
    record Packaging() implements DownloadAllResult {
    }

    /** The account's transcode space is full; nothing is produced until space is freed. */
    record SpaceFull() implements DownloadAllResult {
    }

    /** The zip is ready and can be fetched from {@code url} until it expires. */
    record Ready(DownloadUrl url) implements DownloadAllResult {
        public Ready {
            Objects.requireNonNull(url, "url");
        }
    }
}
