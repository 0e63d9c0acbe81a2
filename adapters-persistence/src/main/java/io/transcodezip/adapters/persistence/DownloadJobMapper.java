package io.transcodezip.adapters.persistence;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.JobError;
import io.transcodezip.core.domain.JobErrorCode;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.Tenant;
import io.transcodezip.core.domain.ZipName;

/** Between {@link DownloadJobEntity} rows and domain jobs; the lease columns are the adapter's own. */
final class DownloadJobMapper {

    private DownloadJobMapper() {
    }

    static DownloadJob toDomain(DownloadJobEntity e) {
        DownloadUrl url = e.downloadUrl == null ? null : new DownloadUrl(e.downloadUrl, e.downloadUrlExpiresAt);
        JobError error = e.errorCode == null ? null
                : new JobError(JobErrorCode.valueOf(e.errorCode), e.errorUpstreamCode, e.errorMessage, e.errorTraceId);
        return new DownloadJob(e.id, Tenant.of(e.tenant), AccountName.of(e.account), FileId.of(e.fileId),
                ZipName.of(e.zipName), JobState.valueOf(e.state), url, e.calls, e.consecutiveErrors, e.nextPollAt,
                e.deadline, e.createdAt, e.updatedAt, e.finishedAt, error, e.urlRequestedAt, e.version);
    }

    /** Copies everything the domain owns onto the row; id, key and version stay as they are. */
    static void copyState(DownloadJob job, DownloadJobEntity e) {
        e.state = job.state().name();
        e.downloadUrl = job.downloadUrl() == null ? null : job.downloadUrl().url();
        e.downloadUrlExpiresAt = job.downloadUrl() == null ? null : job.downloadUrl().expiresAt();
        e.calls = job.calls();
        e.consecutiveErrors = job.consecutiveErrors();
        e.nextPollAt = job.nextPollAt();
        e.deadline = job.deadline();
        e.updatedAt = job.updatedAt();
        e.finishedAt = job.finishedAt();
        JobError error = job.lastError();
        e.errorCode = error == null ? null : error.code().name();
        e.errorUpstreamCode = error == null ? null : error.upstreamCode();
        e.errorMessage = error == null ? null : error.message();
        e.errorTraceId = error == null ? null : error.traceId();
        e.urlRequestedAt = job.urlRequestedAt();
    }

    static DownloadJobEntity newEntity(DownloadJob job) {
        DownloadJobEntity e = new DownloadJobEntity();
        e.id = job.id();
        e.tenant = job.tenant().value();
        e.account = job.account().value();
        e.fileId = job.fileId().value();
        e.zipName = job.zipName().value();
        e.createdAt = job.createdAt();
        copyState(job, e);
        return e;
    }
}
