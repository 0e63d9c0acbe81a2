package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.DownloadJob;
import java.util.List;
import java.util.Optional;

/** One page of jobs, newest first, and the cursor of the next page when there is one. */
public record JobPage(List<DownloadJob> items, Optional<PageCursor> next) {

    public JobPage {
        items = List.copyOf(items);
    }
}
