package io.transcodezip.core.port.out;

import java.util.UUID;

/** The job changed since it was read; read it again and redo the change. */
public class ConcurrentJobUpdateException extends RuntimeException {

    public ConcurrentJobUpdateException(UUID jobId) {
        super("job " + jobId + " was changed concurrently");
    }
}
