package io.transcodezip.adapters.http.out;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transcodezip.core.domain.Redaction;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import jakarta.ws.rs.core.Response;

/**
 * The platform's answer envelope {@code {code, message, data, x-traceID}}, read from a raw response.
 * Anything that is not such an envelope (5xx, empty, not JSON, no code) is a transport failure.
 */
record Pan123Envelope(int status, int code, String message, String traceId, JsonNode data) {

    /** Reads the answer; {@code secrets} (what the request carried) are masked if the message echoes them. */
    static Pan123Envelope read(Response response, ObjectMapper json, String what, String... secrets) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        JsonNode root = null;
        if (body != null && !body.isBlank()) {
            try {
                root = json.readTree(body);
            } catch (JacksonException notJson) {
                root = null;
            }
        }
        String traceId = root != null && root.hasNonNull("x-traceID") ? root.get("x-traceID").asText() : null;
        if (status >= 500) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, null,
                    what + ": the platform answered HTTP " + status, traceId);
        }
        if (body == null || body.isBlank()) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, null,
                    what + ": the platform answered HTTP " + status + " with an empty body", null);
        }
        if (root == null) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, null,
                    what + ": the platform answered HTTP " + status + " with malformed JSON", null);
        }
        if (!root.isObject() || !root.path("code").canConvertToInt()) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, null,
                    what + ": the platform's answer (HTTP " + status + ") has no code", traceId);
        }
        String message = Redaction.text(root.path("message").asText(""), secrets);
        JsonNode data = root.get("data");
        return new Pan123Envelope(status, root.get("code").asInt(), message, traceId,
                data == null || data.isNull() ? null : data);
    }

    /** The failure this envelope's non-zero code stands for, as the platform's documentation says. */
    TranscodeGatewayException failure(String what) {
        Kind kind = switch (code) {
            case 1 -> Kind.UNAVAILABLE;
            case 401 -> Kind.UNAUTHORIZED;
            case 429 -> Kind.RATE_LIMITED;
            default -> Kind.REJECTED;
        };
        return new TranscodeGatewayException(kind, code, what + ": code " + code + " " + message, traceId);
    }

    /** A success must carry data. */
    JsonNode requireData(String what) {
        if (data == null || !data.isObject()) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, code,
                    what + ": the platform answered success without data", traceId);
        }
        return data;
    }
}
