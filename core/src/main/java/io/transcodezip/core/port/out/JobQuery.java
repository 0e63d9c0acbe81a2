package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.domain.Tenant;
import java.util.Objects;
import java.util.Optional;

/** Which of a tenant's jobs to list: optional filters, a page size and where the last page ended. */
public record JobQuery(Tenant tenant, Optional<JobState> state, Optional<FileId> fileId,
                       Optional<AccountName> account, int limit, Optional<PageCursor> after) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public JobQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static JobQuery all(Tenant tenant) {
        return new JobQuery(tenant, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT,
                Optional.empty());
    }
}
