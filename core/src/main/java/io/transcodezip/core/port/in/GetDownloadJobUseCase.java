package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.Tenant;
import java.time.Duration;
import java.util.UUID;

/** Read one job of a tenant. */
public interface GetDownloadJobUseCase {

    /** @throws JobNotFoundException when there is no such job for this tenant */
    DownloadJob get(Tenant tenant, UUID id);

    /**
     * Long poll: the job as soon as it is READY or terminal, or as it is after {@code wait}.
     *
     * @throws JobNotFoundException when there is no such job for this tenant
     */
    DownloadJob awaitSettled(Tenant tenant, UUID id, Duration wait) throws InterruptedException;
}
