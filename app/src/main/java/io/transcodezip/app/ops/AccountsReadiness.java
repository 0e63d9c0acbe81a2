package io.transcodezip.app.ops;

import io.transcodezip.adapters.http.out.Pan123Accounts;
import io.transcodezip.adapters.persistence.PostgresCallBudget;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.AccessTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each account's state, for operators: its token, the last upstream error this instance saw, and
 * whether the account is slowed down. Always UP: an upstream outage is no reason to take the service
 * (and its API) out of rotation.
 */
@Readiness
@ApplicationScoped
public class AccountsReadiness implements HealthCheck {

    private final Pan123Accounts accounts;
    private final AccessTokenStore tokens;
    private final PostgresCallBudget budget;
    private final AccountStatus status;
    private final InstantSource clock;

    AccountsReadiness(Pan123Accounts accounts, AccessTokenStore tokens, PostgresCallBudget budget,
                      AccountStatus status, InstantSource clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.budget = budget;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("123pan accounts").up()
                .withData("accounts", String.join(",", accounts.names().stream().map(AccountName::value).toList()));
        for (AccountName account : accounts.names()) {
            String prefix = account.value() + ".";
            builder.withData(prefix + "token", token(account));
            status.lastCall(account).ifPresent(c -> builder.withData(prefix + "lastCall", c.at() + " " + c.outcome()));
            status.lastError(account).ifPresent(e -> builder.withData(prefix + "lastError",
                    e.at() + " " + e.error() + (e.traceId() == null ? "" : " (trace " + e.traceId() + ")")));
            try {
                int slowdown = budget.slowdown(account);
                builder.withData(prefix + "rateLimited", slowdown == 0 ? "no"
                        : "calls " + (1 << slowdown) + "x slower until one succeeds");
            } catch (RuntimeException databaseDown) {
                builder.withData(prefix + "rateLimited", "unknown");
            }
        }
        return builder.build();
    }

    private String token(AccountName account) {
        try {
            return tokens.load(account)
                    .map(t -> t.isFreshAt(clock.instant(), java.time.Duration.ZERO) ? "valid until " + t.expiresAt()
                            : "expired at " + t.expiresAt())
                    .orElse("none shared yet (or a fixed token)");
        } catch (RuntimeException databaseDown) {
            return "unknown";
        }
    }
}
