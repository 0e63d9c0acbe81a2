package io.transcodezip.adapters.http.in;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of a submission; the body itself is read strictly by {@link SubmitRequest}. */
@Schema(name = "Submission", additionalProperties = Schema.False.class)
record SubmitJson(
        @Schema(required = true, minimum = "1", description = "123pan file id of the video (64-bit)", example = "2875008")
        long fileId,
        @Schema(required = true, maxLength = 255, description = "Name of the zip: at most 255 UTF-8 bytes, no control "
                + "characters, no '/' or '\\\\', not '.' or '..'", example = "good.mp4")
        String zipName,
        @Schema(description = "Configured upstream account", defaultValue = "default", example = "default")
        String account) {
}
