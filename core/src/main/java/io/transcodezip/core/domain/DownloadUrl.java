package io.transcodezip.core.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A download link minted by the platform, and when it stops working. The link carries a JWT in its
 * {@code token} query parameter ({@code token=Bearer eyJ...}); its {@code exp} claim is the expiry.
 * The link is a secret: {@link #toString()} leaves the query string out.
 */
public record DownloadUrl(String url, Instant expiresAt) {

    /** What the documented example shows ({@code exp - iat}); used when the token cannot be read. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})(?:\\.\\d+)?\\s*[,}]");

    public DownloadUrl {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a download URL must not be blank");
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("a download URL must be http(s), got " + Redaction.url(url));
        }
    }

    /**
     * The link as the platform handed it out at {@code issuedAt}: its expiry is the token's
     * {@code exp}, or {@code issuedAt + 300 s} when the token is missing or unreadable.
     */
    public static DownloadUrl parse(String url, Instant issuedAt) {
        Instant expiry = tokenExpiry(url).orElse(issuedAt.plus(DEFAULT_LIFETIME));
        return new DownloadUrl(url, expiry);
    }

    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the link still works for at least {@code atLeast} after {@code now}. */
    public boolean isValidFor(Instant now, Duration atLeast) {
        return !now.plus(atLeast).isAfter(expiresAt);
    }

    public String redacted() {
        return Redaction.url(url);
    }

    @Override
    public String toString() {
        return "DownloadUrl[" + redacted() + ", expiresAt=" + expiresAt + "]";
    }

    static Optional<Instant> tokenExpiry(String url) {
        return tokenParameter(url).flatMap(DownloadUrl::jwtPayload).flatMap(payload -> {
            Matcher m = EXP.matcher(payload);
            return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
        });
    }

    private static Optional<String> tokenParameter(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("token")) {
                // The documented link has a literal space after "Bearer"; a browser-encoded one has %20 or +.
                String raw = pair.substring(eq + 1).replace(" ", "%20");
                try {
                    return Optional.of(URLDecoder.decode(raw, StandardCharsets.UTF_8).trim());
                } catch (IllegalArgumentException badEscape) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> jwtPayload(String token) {
        String jwt = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).trim() : token;
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(stripPadding(parts[1])), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }
}
