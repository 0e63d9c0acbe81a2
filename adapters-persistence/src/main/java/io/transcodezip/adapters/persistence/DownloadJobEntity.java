package io.transcodezip.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code download_job}. Only {@link DownloadJobMapper} turns it into a domain job. */
@Entity
@Table(name = "download_job")
class DownloadJobEntity {

    @Id
    UUID id;
    String tenant;
    String account;
    @Column(name = "file_id")
    long fileId;
    @Column(name = "zip_name")
    String zipName;
    String state;
    @Column(name = "download_url")
    String downloadUrl;
    @Column(name = "download_url_expires_at")
    Instant downloadUrlExpiresAt;
    int calls;
    @Column(name = "consecutive_errors")
    int consecutiveErrors;
    @Column(name = "next_poll_at")
    Instant nextPollAt;
    Instant deadline;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(name = "error_code")
    String errorCode;
    @Column(name = "error_upstream_code")
    Integer errorUpstreamCode;
    @Column(name = "error_message")
    String errorMessage;
    @Column(name = "error_trace_id")
    String errorTraceId;
    @Column(name = "url_requested_at")
    Instant urlRequestedAt;
    /** Every write bumps it; Hibernate refuses a write whose version is stale. */
    @Version
    long version;
    @Column(name = "lease_owner")
    String leaseOwner;
    @Column(name = "lease_token")
    UUID leaseToken;
    @Column(name = "lease_until")
    Instant leaseUntil;
}
