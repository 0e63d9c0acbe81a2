package io.transcodezip.core.port.out;

import java.util.Objects;

/**
 * Every way a download-all request can fail, as the use cases need to tell them apart. Messages are
 * redacted by the adapter that throws: they may be logged and shown to users.
 */
public class TranscodeGatewayException extends RuntimeException {

    /** What kind of failure, and so what the caller should do. */
    public enum Kind {
        /** The account called too often (upstream code 429, or no call budget was left for a retry). */
        RATE_LIMITED,
        /** The account's credentials or token were refused even after a fresh token. */
        UNAUTHORIZED,
        /** Upstream refused this request for good (e.g. 5066 file missing, 5113 traffic quota). */
        REJECTED,
        /** Upstream was unreachable, slow or answered garbage: worth another try later. */
        UNAVAILABLE;

        /** Whether the same request may succeed later without anyone changing anything. */
        public boolean isTransient() {
            return this != REJECTED;
        }

        /** Whether the failure is the account's, not the job's. */
        public boolean isAccountLevel() {
            return this == RATE_LIMITED || this == UNAUTHORIZED;
        }
    }

    private final Kind kind;
    private final Integer upstreamCode;
    private final String traceId;

    public TranscodeGatewayException(Kind kind, Integer upstreamCode, String message, String traceId, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.upstreamCode = upstreamCode;
        this.traceId = traceId == null || traceId.isBlank() ? null : traceId;
    }

    public TranscodeGatewayException(Kind kind, Integer upstreamCode, String message, String traceId) {
        this(kind, upstreamCode, message, traceId, null);
    }

    public static TranscodeGatewayException unavailable(String message, Throwable cause) {
        return new TranscodeGatewayException(Kind.UNAVAILABLE, null, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The body code upstream answered with, when it answered with one. */
    public Integer upstreamCode() {
        return upstreamCode;
    }

    /** Upstream's {@code x-traceID}, which its support asks for; null when there was none. */
    public String traceId() {
        return traceId;
    }
}
