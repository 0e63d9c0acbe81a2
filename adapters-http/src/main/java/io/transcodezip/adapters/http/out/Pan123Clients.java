package io.transcodezip.adapters.http.out;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.transcodezip.adapters.http.out.Pan123Accounts.Credentials;
import io.transcodezip.core.domain.Redaction;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One REST client per platform base URL, with the configured timeouts. */
@ApplicationScoped
class Pan123Clients {

    private final Pan123Config config;
    private final Map<URI, Pan123Api> clients = new ConcurrentHashMap<>();

    Pan123Clients(Pan123Config config) {
        this.config = config;
    }

    Pan123Api forAccount(Credentials account) {
        return clients.computeIfAbsent(account.baseUrl(), url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are not exceptions here: the body's code decides (see Pan123Envelope).
                .disableDefaultMapper(true)
                .build(Pan123Api.class));
    }

    /** What a failure to talk to the platform at all becomes: transient, with a message that says which. */
    static TranscodeGatewayException transportFailure(String what, RuntimeException e) {
        if (e instanceof TranscodeGatewayException mapped) {
            return mapped;
        }
        String reason = "could not reach the platform";
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                reason = "connection refused";
                break;
            }
            String name = c.getClass().getSimpleName().toLowerCase();
            String message = String.valueOf(c.getMessage()).toLowerCase();
            if (c instanceof TimeoutException || name.contains("timeout") || message.contains("timeout")
                    || message.contains("timed out")) {
                reason = "timed out";
                break;
            }
        }
        return TranscodeGatewayException.unavailable(what + ": " + reason + " ("
                + Redaction.text(e.getClass().getSimpleName() + ": " + e.getMessage()) + ")", e);
    }
}
