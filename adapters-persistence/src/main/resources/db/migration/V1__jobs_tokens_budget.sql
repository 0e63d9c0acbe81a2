-- Jobs, the shared access token per account, and the cluster-wide call budget.
-- Hibernate only validates this schema; Flyway owns it.

CREATE TABLE download_job (
    id                       uuid         PRIMARY KEY,
    tenant                   varchar(64)  NOT NULL,
    account                  varchar(64)  NOT NULL,
    file_id                  bigint       NOT NULL CHECK (file_id > 0),
    zip_name                 varchar(255) NOT NULL CHECK (octet_length(zip_name) BETWEEN 1 AND 255),
    state                    varchar(16)  NOT NULL CHECK (state IN
                                 ('PENDING', 'PACKAGING', 'READY', 'SPACE_FULL', 'FAILED', 'TIMED_OUT', 'CANCELLED')),
    download_url             text,
    download_url_expires_at  timestamptz,
    calls                    integer      NOT NULL CHECK (calls >= 0),
    consecutive_errors       integer      NOT NULL CHECK (consecutive_errors >= 0),
    next_poll_at             timestamptz,
    deadline                 timestamptz  NOT NULL,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    finished_at              timestamptz,
    error_code               varchar(32),
    error_upstream_code      integer,
    error_message            text,
    error_trace_id           varchar(200),
    url_requested_at         timestamptz,
    version                  bigint       NOT NULL,
    lease_owner              varchar(100),
    lease_token              uuid,
    lease_until              timestamptz,

    -- What each state implies; the domain checks the same, this keeps a hand-written UPDATE honest too.
    CONSTRAINT ready_has_url CHECK ((state = 'READY') = (download_url IS NOT NULL)
                                    AND (download_url IS NULL) = (download_url_expires_at IS NULL)),
    CONSTRAINT finished_has_time CHECK (state IN ('PENDING', 'PACKAGING') OR finished_at IS NOT NULL),
    CONSTRAINT polled_has_next_poll CHECK (state NOT IN ('PENDING', 'PACKAGING') OR next_poll_at IS NOT NULL),
    CONSTRAINT terminal_not_polled CHECK (state IN ('PENDING', 'PACKAGING', 'READY') OR next_poll_at IS NULL),
    CONSTRAINT error_has_code CHECK (error_message IS NULL OR error_code IS NOT NULL),
    CONSTRAINT lease_is_whole CHECK ((lease_owner IS NULL) = (lease_token IS NULL)
                                     AND (lease_token IS NULL) = (lease_until IS NULL))
);

-- One active job per tenant, account, file and zip name: a second submission returns the first.
CREATE UNIQUE INDEX download_job_one_active
    ON download_job (tenant, account, file_id, zip_name)
    WHERE state IN ('PENDING', 'PACKAGING', 'READY');

-- A claim reads only what is due, in the order it claims (never called, users waiting for a link, earliest
-- due), so that LIMIT stops the scan early however long the queue of an account is.
CREATE INDEX download_job_due
    ON download_job (account, (state <> 'PENDING'), (url_requested_at IS NULL), next_poll_at, id)
    WHERE next_poll_at IS NOT NULL AND state IN ('PENDING', 'PACKAGING', 'READY');

-- Listing a tenant's jobs newest first, and paging through them.
CREATE INDEX download_job_tenant_newest ON download_job (tenant, created_at DESC, id DESC);

-- Retention deletes what finished long ago.
CREATE INDEX download_job_finished ON download_job (finished_at) WHERE finished_at IS NOT NULL;

-- Shutdown gives back the leases an instance holds.
CREATE INDEX download_job_lease_owner ON download_job (lease_owner) WHERE lease_owner IS NOT NULL;

-- The one access token per account that every instance shares (the platform allows only a few per client id).
CREATE TABLE access_token (
    account     varchar(64) PRIMARY KEY,
    token       text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- The next free download-all call slot per account, on the database's clock, shared by every instance.
-- slowdown doubles the spacing per step after the platform says "too many requests".
CREATE TABLE call_budget (
    account       varchar(64) PRIMARY KEY,
    next_slot_at  timestamptz NOT NULL,
    slowdown      integer     NOT NULL DEFAULT 0 CHECK (slowdown BETWEEN 0 AND 10)
);
