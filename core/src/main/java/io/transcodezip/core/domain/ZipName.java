package io.transcodezip.core.domain;

import java.nio.charset.StandardCharsets;

/**
 * The name of the zip the platform builds. It ends up as a file name on a user's disk, so it must be
 * a single, printable path segment.
 */
public record ZipName(String value) {

    public static final int MAX_UTF8_BYTES = 255;

    public ZipName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("zipName must not be blank");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException(
                    "zipName must be at most " + MAX_UTF8_BYTES + " bytes in UTF-8, got " + bytes);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("zipName must not contain control characters");
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("zipName must not contain '/' or '\\'");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("zipName must not be '.' or '..'");
        }
    }

    public static ZipName of(String value) {
        return new ZipName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
