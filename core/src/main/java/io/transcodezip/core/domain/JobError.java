package io.transcodezip.core.domain;

import java.util.Objects;

/**
 * The last thing that went wrong with a job: our code, and what upstream said (its code, message and
 * trace id, which 123pan support asks for). Messages never contain secrets: adapters redact them.
 */
public record JobError(JobErrorCode code, Integer upstreamCode, String message, String traceId) {

    public JobError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
        traceId = traceId == null || traceId.isBlank() ? null : traceId;
    }

    public static JobError of(JobErrorCode code, String message) {
        return new JobError(code, null, message, null);
    }
}
