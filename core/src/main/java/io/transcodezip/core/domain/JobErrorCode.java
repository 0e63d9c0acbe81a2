package io.transcodezip.core.domain;

/** Our classification of why the last upstream call (or the job) went wrong. */
public enum JobErrorCode {
    /** Upstream answered with a permanent error (file missing, traffic quota, unknown code). */
    UPSTREAM_REJECTED,
    /** Upstream could not be reached or answered garbage; retried with backoff. */
    UPSTREAM_UNAVAILABLE,
    /** Upstream said we call too often; the account slows down. */
    RATE_LIMITED,
    /** The account's credentials were refused; the account slows down. */
    UNAUTHORIZED,
    /** The job did not finish before its deadline. */
    DEADLINE_EXCEEDED,
    /** Too many transient failures in a row. */
    TOO_MANY_ERRORS
}
