package io.transcodezip.core.port.in;

import io.transcodezip.core.port.out.JobPage;
import io.transcodezip.core.port.out.JobQuery;

/** A tenant's jobs, newest first, a page at a time. */
public interface ListDownloadJobsUseCase {

    JobPage list(JobQuery query);
}
