package io.transcodezip.adapters.http.in;

import io.transcodezip.core.domain.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Which API key belongs to which tenant. Keys are kept only as SHA-256 digests and compared in
 * constant time; a key may be configured as {@code sha256:<hex>} so the plain key is never stored.
 */
public final class ApiKeys {

    private record Entry(Tenant tenant, byte[] digest) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads comma-separated {@code tenant:key} or {@code tenant:sha256:<hex>} pairs.
     *
     * @throws IllegalArgumentException naming the pair that is not well formed (never printing the key)
     */
    public static ApiKeys parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec == null) {
            return new ApiKeys(entries);
        }
        int position = 0;
        for (String pair : spec.split(",")) {
            position++;
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("transcodezip.api-keys: entry " + position
                        + " is not 'tenant:key' or 'tenant:sha256:<hex>'");
            }
            Tenant tenant;
            try {
                tenant = Tenant.of(trimmed.substring(0, colon));
            } catch (IllegalArgumentException badName) {
                throw new IllegalArgumentException("transcodezip.api-keys: entry " + position + ": " + badName.getMessage());
            }
            String key = trimmed.substring(colon + 1);
            entries.add(new Entry(tenant, key.startsWith("sha256:") ? hexDigest(key.substring(7), position) : sha256(key)));
        }
        return new ApiKeys(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The tenant whose key this is. Every entry is compared, so the time taken says nothing of which matched. */
    public Optional<Tenant> tenantOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        Tenant found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented) && found == null) {
                found = entry.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The digest form of a key, as it may be configured. */
    public static String digestOf(String key) {
        return "sha256:" + HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] hexDigest(String hex, int position) {
        try {
            byte[] digest = HexFormat.of().parseHex(hex.trim());
            if (digest.length != 32) {
                throw new IllegalArgumentException("not 32 bytes");
            }
            return digest;
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("transcodezip.api-keys: entry " + position
                    + ": sha256: must be followed by 64 hex digits");
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
