package io.transcodezip.core.port.in;

import java.time.Duration;

/** No link valid long enough could be had in time; the caller may ask again after {@link #retryAfter()}. */
public class FreshUrlUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public FreshUrlUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
