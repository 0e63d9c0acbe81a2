package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.DownloadJob;

/** The job a submission resulted in, and whether it is new or the one already active. */
public record StartedJob(DownloadJob job, boolean created) {
}
