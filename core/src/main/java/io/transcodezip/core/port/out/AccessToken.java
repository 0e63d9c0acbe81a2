package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An access token of one account and when it expires. Prints itself without the value. */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an access token must not be blank");
        }
    }

    /** Whether the token is still good for at least {@code margin} after {@code now}. */
    public boolean isFreshAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[" + Redaction.secret(value) + ", expiresAt=" + expiresAt + "]";
    }
}
