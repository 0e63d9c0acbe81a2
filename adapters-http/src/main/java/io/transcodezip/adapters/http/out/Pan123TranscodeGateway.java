package io.transcodezip.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transcodezip.adapters.http.out.Pan123Accounts.Credentials;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.CallBudget;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.Sleeper;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link TranscodeGateway} over the platform's {@code POST /api/v1/transcode/file/download/all}.
 * The body's code decides; a refused token is replaced once and the call retried once, inside a call
 * slot of its own from the account's budget so that no request leaves uncounted.
 *
 * <p>Needs from its environment: a {@link CallBudget}, an {@code AccessTokenStore} and an
 * {@link InstantSource}.
 */
@ApplicationScoped
public class Pan123TranscodeGateway implements TranscodeGateway {

    private static final Logger LOG = Logger.getLogger(Pan123TranscodeGateway.class);

    private final Pan123Accounts accounts;
    private final Pan123Clients clients;
    private final Pan123Tokens tokens;
    private final CallBudget budget;
    private final InstantSource clock;
    private final ObjectMapper json;
    private final Duration retrySlotWait;

    Pan123TranscodeGateway(Pan123Accounts accounts, Pan123Clients clients, Pan123Tokens tokens, CallBudget budget,
                           InstantSource clock, ObjectMapper json, Pan123Config config) {
        this.accounts = accounts;
        this.clients = clients;
        this.tokens = tokens;
        this.budget = budget;
        this.clock = clock;
        this.json = json;
        this.retrySlotWait = config.retrySlotWait();
    }

    /** Fetches the account's token ahead of the call, so the call leaves the moment its slot begins. */
    @Override
    public void prepare(AccountName account) {
        tokens.token(credentials(account));
    }

    @Override
    public DownloadAllResult requestDownloadAll(AccountName account, FileId fileId, ZipName zipName) {
        Credentials credentials = credentials(account);
        String token = tokens.token(credentials);
        Pan123Envelope answer = call(credentials, token, fileId, zipName);
        if (answer.code() == 401 && !credentials.hasFixedToken()) {
            LOG.debugf("download-all account=%s fileId=%s: token refused (trace %s), replacing it",
                    account, fileId, answer.traceId());
            String fresh = tokens.replace(credentials, token);
            waitForRetrySlot(account);
            answer = call(credentials, fresh, fileId, zipName);
        }
        return result(answer, account, fileId);
    }

    private Credentials credentials(AccountName account) {
        return accounts.get(account).orElseThrow(() -> new TranscodeGatewayException(
                Kind.UNAUTHORIZED, null, "account '" + account + "' has no credentials configured", null));
    }

    private void waitForRetrySlot(AccountName account) {
        Optional<Duration> slot = budget.reserve(account, retrySlotWait);
        if (slot.isEmpty()) {
            throw new TranscodeGatewayException(Kind.RATE_LIMITED, null, "download-all for account " + account
                    + ": token replaced, but no call slot was free for the retry within " + retrySlotWait, null);
        }
        try {
            Sleeper.SYSTEM.sleep(slot.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw TranscodeGatewayException.unavailable("interrupted while waiting to retry", interrupted);
        }
    }

    private Pan123Envelope call(Credentials account, String token, FileId fileId, ZipName zipName) {
        String what = "download-all for account " + account.name() + " file " + fileId;
        long started = System.nanoTime();
        Pan123Envelope answer;
        try (Response response = clients.forAccount(account).downloadAll("Bearer " + token, Pan123Api.PLATFORM,
                new Pan123Api.DownloadAllBody(fileId.value(), zipName.value()))) {
            answer = Pan123Envelope.read(response, json, what, token);
        } catch (RuntimeException transport) {
            TranscodeGatewayException failure = Pan123Clients.transportFailure(what, transport);
            LOG.debugf("%s: %s", what, failure.getMessage());
            throw failure;
        }
        LOG.debugf("%s: HTTP %d, code %d in %d ms (trace %s)", what, answer.status(), answer.code(),
                (System.nanoTime() - started) / 1_000_000, answer.traceId());
        return answer;
    }

    private DownloadAllResult result(Pan123Envelope answer, AccountName account, FileId fileId) {
        String what = "download-all for account " + account + " file " + fileId;
        if (answer.code() != 0) {
            throw answer.failure(what);
        }
        JsonNode data = answer.requireData(what);
        if (data.path("isFull").asBoolean(false)) {
            return new DownloadAllResult.SpaceFull();
        }
        if (data.path("isDownloading").asBoolean(false)) {
            return new DownloadAllResult.Packaging();
        }
        String url = data.path("downloadUrl").asText("");
        if (url.isBlank()) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, 0, what
                    + ": the platform says done and not full, but gave no download URL", answer.traceId());
        }
        DownloadUrl downloadUrl;
        try {
            downloadUrl = DownloadUrl.parse(url, clock.instant());
        } catch (IllegalArgumentException notAUrl) {
            throw new TranscodeGatewayException(Kind.UNAVAILABLE, 0, what + ": " + notAUrl.getMessage(),
                    answer.traceId());
        }
        LOG.debugf("%s: ready at %s, valid until %s (trace %s)", what, downloadUrl.redacted(),
                downloadUrl.expiresAt(), answer.traceId());
        return new DownloadAllResult.Ready(downloadUrl);
    }
}
