package io.transcodezip.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache over {@code download_job}; kept inside this package so entities never leave it. */
@ApplicationScoped
class DownloadJobRows implements PanacheRepositoryBase<DownloadJobEntity, UUID> {
}
