package io.transcodezip.core.testing;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.AccessToken;
import io.transcodezip.core.port.out.AccessTokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The token store in memory: one lock per account stands in for the cluster-wide lock. */
public final class InMemoryAccessTokenStore implements AccessTokenStore {

    private final Map<AccountName, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<AccountName, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public Optional<AccessToken> load(AccountName account) {
        return Optional.ofNullable(tokens.get(account));
    }

    @Override
    public void save(AccountName account, AccessToken token) {
        tokens.put(account, token);
    }

    @Override
    public <T> T withRefreshLock(AccountName account, Supplier<T> refresh) {
        ReentrantLock lock = locks.computeIfAbsent(account, a -> new ReentrantLock());
        lock.lock();
        try {
            return refresh.get();
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        tokens.clear();
    }
}
