package io.transcodezip.core.port.out;

import io.transcodezip.core.domain.AccountName;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one access token per account that every instance of the service shares: the platform lets a
 * client id hold only a few live tokens, so instances must not fetch one each.
 */
public interface AccessTokenStore {

    Optional<AccessToken> load(AccountName account);

    void save(AccountName account, AccessToken token);

    /**
     * Runs {@code refresh} while holding a lock on {@code account} that no other caller, in this process
     * or any other instance, holds at the same time. The refresh should re-read the store first: the
     * caller before it may have just saved a fresh token.
     */
    <T> T withRefreshLock(AccountName account, Supplier<T> refresh);
}
