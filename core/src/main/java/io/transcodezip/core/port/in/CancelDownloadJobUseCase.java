package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.Tenant;
import java.util.UUID;

/** Stop a job that is not finished; upstream is not called for it again. */
public interface CancelDownloadJobUseCase {

    /**
     * @throws JobNotFoundException when there is no such job for this tenant
     * @throws io.transcodezip.core.domain.IllegalTransitionException when the job is already terminal
     */
    DownloadJob cancel(Tenant tenant, UUID id);
}
