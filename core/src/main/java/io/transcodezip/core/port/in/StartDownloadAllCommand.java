package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.Tenant;
import io.transcodezip.core.domain.ZipName;
import java.util.Objects;

/** Everything a submission says; each part already validated by its value type. */
public record StartDownloadAllCommand(Tenant tenant, AccountName account, FileId fileId, ZipName zipName) {

    public StartDownloadAllCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(zipName, "zipName");
    }
}
