package io.transcodezip.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.transcodezip.adapters.http.out.Pan123Accounts.Credentials;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.Redaction;
import io.transcodezip.core.port.out.AccessToken;
import io.transcodezip.core.port.out.AccessTokenStore;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The access token of each account: shared through the {@link AccessTokenStore} by every instance,
 * refreshed {@code token-refresh-margin} before it expires, by one caller at a time in the cluster.
 * A refused secret is remembered for a while so that polls do not hammer the token endpoint.
 */
@ApplicationScoped
class Pan123Tokens {

    private static final Logger LOG = Logger.getLogger(Pan123Tokens.class);

    private record Refused(Instant until, TranscodeGatewayException failure) {
    }

    private final MeterRegistry registry;
    private final Pan123Clients clients;
    private final AccessTokenStore store;
    private final InstantSource clock;
    private final ObjectMapper json;
    private final Duration margin;
    private final Duration failureBackoff;
    private final Map<AccountName, AccessToken> cache = new ConcurrentHashMap<>();
    private final Map<AccountName, Refused> refused = new ConcurrentHashMap<>();

    Pan123Tokens(Pan123Clients clients, AccessTokenStore store, InstantSource clock, ObjectMapper json,
                 Pan123Config config, MeterRegistry registry) {
        this.registry = registry;
        this.clients = clients;
        this.store = store;
        this.clock = clock;
        this.json = json;
        this.margin = config.tokenRefreshMargin();
        this.failureBackoff = config.tokenFailureBackoff();
    }

    /** A token good for at least the margin: from memory, the shared store, or the platform. */
    String token(Credentials account) {
        if (account.hasFixedToken()) {
            return account.fixedToken().get();
        }
        AccessToken cached = cache.get(account.name());
        if (cached != null && cached.isFreshAt(clock.instant(), margin)) {
            return cached.value();
        }
        return refresh(account, null);
    }

    /**
     * A token other than {@code rejected}, which the platform just refused: one another caller saved
     * meanwhile, or a new one.
     */
    String replace(Credentials account, String rejected) {
        cache.remove(account.name());
        return refresh(account, rejected);
    }

    /** Forgets what this process remembers (tokens, refusals); the shared store keeps its token. */
    void forgetLocalState() {
        cache.clear();
        refused.clear();
    }

    private String refresh(Credentials account, String rejected) {
        Optional<AccessToken> stored = usable(store.load(account.name()), rejected);
        if (stored.isPresent()) {
            cache.put(account.name(), stored.get());
            return stored.get().value();
        }
        AccessToken token = store.withRefreshLock(account.name(), () ->
                // Whoever held the lock before us may have just saved a good token.
                usable(store.load(account.name()), rejected).orElseGet(() -> fetch(account)));
        cache.put(account.name(), token);
        return token.value();
    }

    private Optional<AccessToken> usable(Optional<AccessToken> token, String rejected) {
        return token.filter(t -> t.isFreshAt(clock.instant(), margin))
                .filter(t -> rejected == null || !t.value().equals(rejected));
    }

    private AccessToken fetch(Credentials account) {
        Refused last = refused.get(account.name());
        if (last != null && clock.instant().isBefore(last.until())) {
            throw last.failure();
        }
        String what = "access token for account " + account.name();
        try {
            AccessToken token = request(account, what);
            store.save(account.name(), token);
            refused.remove(account.name());
            counted(account, "ok");
            LOG.debugf("new access token for account %s, expires at %s", account.name(), token.expiresAt());
            return token;
        } catch (TranscodeGatewayException failure) {
            if (failure.kind() == Kind.UNAUTHORIZED) {
                refused.put(account.name(), new Refused(clock.instant().plus(failureBackoff), failure));
            }
            counted(account, failure.kind() == Kind.UNAUTHORIZED ? "refused" : "failed");
            LOG.warnf("account %s: no access token: %s (trace %s)", account.name(), Redaction.text(failure.getMessage()),
                    failure.traceId());
            throw failure;
        }
    }

    private void counted(Credentials account, String result) {
        Counter.builder("transcodezip.token.refreshes")
                .description("Access tokens asked from the platform, by account and result (ok, refused, failed)")
                .tag("account", account.name().value()).tag("result", result)
                .register(registry).increment();
    }

    private AccessToken request(Credentials account, String what) {
        Pan123Envelope answer;
        try (Response response = clients.forAccount(account).accessToken(Pan123Api.PLATFORM,
                new Pan123Api.AccessTokenBody(account.clientId().orElseThrow(), account.clientSecret().orElseThrow()))) {
            answer = Pan123Envelope.read(response, json, what, account.clientSecret().orElse(null));
        } catch (RuntimeException transport) {
            throw Pan123Clients.transportFailure(what, transport);
        }
        if (answer.code() != 0) {
            TranscodeGatewayException failure = answer.failure(what);
            if (failure.kind() == Kind.REJECTED) {
                // Any refusal of the credentials (a wrong secret answers with its own code) is the account's.
                throw new TranscodeGatewayException(Kind.UNAUTHORIZED, answer.code(), failure.getMessage(),
                        answer.traceId());
            }
            throw failure;
        }
        JsonNode data = answer.requireData(what);
        String value = data.path("accessToken").asText("");
        String expiredAt = data.path("expiredAt").asText("");
        try {
            return new AccessToken(value, OffsetDateTime.parse(expiredAt).toInstant());
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, 0,
                    what + ": the platform's token answer lacks a token or a readable expiredAt", answer.traceId());
        }
    }
}
