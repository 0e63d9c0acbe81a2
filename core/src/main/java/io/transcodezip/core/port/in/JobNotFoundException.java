package io.transcodezip.core.port.in;

import java.util.UUID;

/** No job with this id for this tenant (another tenant's job is not found either). */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(UUID id) {
        super("no download job " + id);
    }
}
