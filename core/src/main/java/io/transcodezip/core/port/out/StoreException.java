package io.transcodezip.core.port.out;

/**
 * A store behind a port (jobs, tokens, the call budget) failed: the database is unreachable, timed out,
 * or refused a statement. Adapters translate their library's exceptions into it, so no JDBC or JPA
 * exception reaches core or the REST edge.
 */
public class StoreException extends RuntimeException {

    private final boolean transientFailure;

    public StoreException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Whether trying again later may succeed (connection lost, timeout, deadlock). */
    public boolean isTransient() {
        return transientFailure;
    }
}
