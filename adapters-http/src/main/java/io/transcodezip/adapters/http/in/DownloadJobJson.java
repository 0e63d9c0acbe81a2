package io.transcodezip.adapters.http.in;

import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.JobError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A job as the API shows it; times are ISO-8601 UTC. */
record DownloadJobJson(UUID id, String account, long fileId, String zipName, String state, String downloadUrl,
                       String downloadUrlExpiresAt, int calls, String createdAt, String updatedAt,
                       String nextPollAt, String deadline, String finishedAt, ErrorJson error) {

    record ErrorJson(String code, Integer upstreamCode, String message, String traceId) {
    }

    record PageJson(List<DownloadJobJson> items, String nextCursor) {
    }

    static DownloadJobJson from(DownloadJob job) {
        JobError e = job.lastError();
        return new DownloadJobJson(job.id(), job.account().value(), job.fileId().value(), job.zipName().value(),
                job.state().name(), job.downloadUrl() == null ? null : job.downloadUrl().url(),
                job.downloadUrl() == null ? null : iso(job.downloadUrl().expiresAt()), job.calls(),
                iso(job.createdAt()), iso(job.updatedAt()), iso(job.nextPollAt()), iso(job.deadline()),
                iso(job.finishedAt()),
                e == null ? null : new ErrorJson(e.code().name(), e.upstreamCode(), e.message(), e.traceId()));
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
