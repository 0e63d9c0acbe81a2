package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.Tenant;
import java.util.UUID;

/**
 * The link of a READY job, valid long enough to be used. A link about to expire is re-minted by the
 * poller (within the account's budget, ahead of background polls) while the caller waits.
 */
public interface FreshDownloadUrlUseCase {

    /**
     * @throws JobNotFoundException when there is no such job for this tenant
     * @throws JobNotReadyException when the job is not READY
     * @throws FreshUrlUnavailableException when no fresh link came in time
     */
    DownloadUrl freshUrl(Tenant tenant, UUID id) throws InterruptedException;
}
