package io.transcodezip.adapters.http.out;

import io.transcodezip.core.domain.AccountName;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The accounts the configuration gives credentials for, and how to reach the platform for each. */
@ApplicationScoped
public class Pan123Accounts {

    /** What is known of one account; its secrets print as masks. */
    record Credentials(AccountName name, URI baseUrl, Optional<String> clientId, Optional<String> clientSecret,
                       Optional<String> fixedToken) {

        boolean hasFixedToken() {
            return fixedToken.isPresent();
        }

        @Override
        public String toString() {
            return "Credentials[" + name + ", " + baseUrl + (hasFixedToken() ? ", fixed token]" : ", client id]");
        }
    }

    private final Map<AccountName, Credentials> accounts;

    Pan123Accounts(Pan123Config config) {
        Map<AccountName, Credentials> found = new LinkedHashMap<>();
        credentials(AccountName.DEFAULT, config.baseUrl(), config.clientId(), config.clientSecret(),
                config.accessToken()).ifPresent(c -> found.put(c.name(), c));
        config.accounts().forEach((name, account) -> credentials(AccountName.of(name),
                account.baseUrl().orElse(config.baseUrl()), account.clientId(), account.clientSecret(),
                account.accessToken()).ifPresent(c -> found.put(c.name(), c)));
        this.accounts = Collections.unmodifiableMap(found);
    }

    /** The names of every account that has credentials. */
    public Set<AccountName> names() {
        return accounts.keySet();
    }

    Optional<Credentials> get(AccountName account) {
        return Optional.ofNullable(accounts.get(account));
    }

    private static Optional<Credentials> credentials(AccountName name, URI baseUrl, Optional<String> clientId,
                                                     Optional<String> clientSecret, Optional<String> token) {
        Optional<String> fixed = token.filter(t -> !t.isBlank());
        Optional<String> id = clientId.filter(t -> !t.isBlank());
        Optional<String> secret = clientSecret.filter(t -> !t.isBlank());
        if (fixed.isEmpty() && (id.isEmpty() || secret.isEmpty())) {
            if (id.isPresent() != secret.isPresent()) {
                throw new IllegalStateException("account '" + name + "' needs both a client id and a client secret");
            }
            return Optional.empty();
        }
        return Optional.of(new Credentials(name, baseUrl, id, secret, fixed));
    }
}
