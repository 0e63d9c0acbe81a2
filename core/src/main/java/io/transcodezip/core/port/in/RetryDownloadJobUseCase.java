package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.Tenant;
import java.util.UUID;

/** Start a job that ended SPACE_FULL, FAILED or TIMED_OUT again, with a new deadline. */
public interface RetryDownloadJobUseCase {

    /**
     * @throws JobNotFoundException when there is no such job for this tenant
     * @throws io.transcodezip.core.domain.IllegalTransitionException when the job is not retryable
     * @throws io.transcodezip.core.port.out.DuplicateActiveJobException when another job of the same
     *         file and zip name is active
     */
    DownloadJob retry(Tenant tenant, UUID id);
}
