package io.transcodezip.core.port.out;

import java.util.UUID;

/** Another job of the same tenant, account, file and zip name is active already. */
public class DuplicateActiveJobException extends RuntimeException {

    private final UUID activeJobId;

    public DuplicateActiveJobException(UUID activeJobId) {
        super("job " + activeJobId + " for the same file and zip name is still active");
        this.activeJobId = activeJobId;
    }

    /** The active job, when the store could tell which. */
    public UUID activeJobId() {
        return activeJobId;
    }
}
