package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.AccountName;

/** A job named an upstream account the service has no credentials for. */
public class UnknownAccountException extends IllegalArgumentException {

    public UnknownAccountException(AccountName account) {
        super("account '" + account + "' is not configured");
    }
}
