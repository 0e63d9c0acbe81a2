package io.transcodezip.app.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The state of the simulated 123pan platform. Its rules, by file id:
 * <ul>
 * <li>ending in 0: the transcode space is full;</li>
 * <li>ending in 9: the file does not exist (code 5066);</li>
 * <li>otherwise: packaging for the first two calls, ready from the third.</li>
 * </ul>
 * It allows one download-all call per second per account (code 429 beyond), and its links carry a
 * five-minute HS256 token, as the real platform's do.
 */
@ApplicationScoped
public class SandboxPlatform {

    static final int CALLS_UNTIL_READY = 3;
    static final long LINK_SECONDS = 300;
    /** A little slack below one second, for the scheduling noise of a real client on one machine. */
    static final long MIN_SPACING_MILLIS = 950;

    private final InstantSource clock;
    private final byte[] signingKey = new byte[32];
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> callsPerJob = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastCall = new ConcurrentHashMap<>();

    SandboxPlatform(InstantSource clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(signingKey);
    }

    /** What the access_token endpoint hands out, or empty for wrong credentials. */
    Optional<String[]> token(String clientId, String clientSecret) {
        if (!SandboxConfigSourceFactory.CLIENT_ID.equals(clientId)
                || !SandboxConfigSourceFactory.CLIENT_SECRET.equals(clientSecret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String token = jwt(now, now.plusSeconds(30L * 24 * 3600));
        issuedTokens.add(token);
        String expiredAt = now.plusSeconds(30L * 24 * 3600).atOffset(ZoneOffset.ofHours(8)).withNano(0).toString();
        return Optional.of(new String[] {token, expiredAt});
    }

    boolean knows(String accessToken) {
        return accessToken != null && issuedTokens.contains(accessToken);
    }

    /** Whether this call comes too soon after the account's last one; records it if not. */
    synchronized boolean tooSoon(String accessToken) {
        Instant now = clock.instant();
        Instant last = lastCall.get(accessToken);
        if (last != null && now.isBefore(last.plusMillis(MIN_SPACING_MILLIS))) {
            return true;
        }
        lastCall.put(accessToken, now);
        return false;
    }

    /** How many times this file and zip name were asked for, this call included. */
    int call(long fileId, String zipName) {
        return callsPerJob.computeIfAbsent(fileId + "/" + zipName, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The token of a fresh five-minute link. */
    String linkToken() {
        Instant now = clock.instant();
        return jwt(now, now.plusSeconds(LINK_SECONDS));
    }

    /** Whether a link token is ours and not expired. */
    boolean linkTokenValid(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        byte[] expected = sign(parts[0] + "." + parts[1]);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (!MessageDigest.isEqual(expected, presented)) {
            return false;
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher exp = java.util.regex.Pattern.compile("\"exp\":(\\d+)").matcher(payload);
        return exp.find() && clock.instant().getEpochSecond() < Long.parseLong(exp.group(1));
    }

    private String jwt(Instant issued, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"exp\":" + expires.getEpochSecond() + ",\"iat\":" + issued.getEpochSecond()
                + ",\"id\":1,\"nickname\":\"sandbox\",\"username\":\"sandbox\",\"jti\":\""
                + java.util.UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(sign(header + "." + payload));
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has HmacSHA256", impossible);
        }
    }
}
