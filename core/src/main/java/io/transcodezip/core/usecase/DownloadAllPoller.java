package io.transcodezip.core.usecase;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.Sleeper;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;

/**
 * For services that reuse {@code core} without a database: polls one download-all request in the
 * calling thread, with the same policy as the service, until upstream answers ready or full.
 * Nothing is persisted and no budget is shared: one poller should poll one job of an account at a time.
 */
public final class DownloadAllPoller {

    private final TranscodeGateway gateway;
    private final PollPolicy policy;
    private final InstantSource clock;
    private final Sleeper sleeper;

    public DownloadAllPoller(TranscodeGateway gateway, PollPolicy policy, InstantSource clock, Sleeper sleeper) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Polls until upstream answers {@link DownloadAllResult.Ready} or {@link DownloadAllResult.SpaceFull}.
     *
     * @throws TimedOutException         when the policy's max wait passes first
     * @throws TranscodeGatewayException when upstream rejects the request, or fails more often in a row
     *                                   than the policy allows
     */
    public DownloadAllResult await(AccountName account, FileId fileId, ZipName zipName) throws InterruptedException {
        UUID seed = UUID.randomUUID();
        Instant deadline = policy.deadline(clock.instant());
        int attempt = 0;
        int errors = 0;
        while (true) {
            attempt++;
            Instant next;
            try {
                DownloadAllResult result = gateway.requestDownloadAll(account, fileId, zipName);
                if (!(result instanceof DownloadAllResult.Packaging)) {
                    return result;
                }
                errors = 0;
                next = policy.nextPoll(clock.instant(), seed, attempt);
            } catch (TranscodeGatewayException failure) {
                if (!failure.kind().isTransient()) {
                    throw failure;
                }
                if (!failure.kind().isAccountLevel() && ++errors >= policy.maxConsecutiveErrors()) {
                    throw failure;
                }
                next = failure.kind().isAccountLevel()
                        ? policy.nextPoll(clock.instant(), seed, attempt)
                        : policy.afterError(clock.instant(), seed, errors);
            }
            if (!next.isBefore(deadline)) {
                throw new TimedOutException(attempt, policy.maxWait());
            }
            sleeper.sleep(Duration.between(clock.instant(), next));
        }
    }

    /** The policy's max wait passed while upstream was still packaging. */
    public static final class TimedOutException extends RuntimeException {

        private final int calls;

        public TimedOutException(int calls, Duration maxWait) {
            super("no download URL after " + calls + " calls within " + maxWait);
            this.calls = calls;
        }

        public int calls() {
            return calls;
        }
    }
}
