package io.transcodezip.app.ops;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.JobErrorCode;
import io.transcodezip.core.port.out.PollObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What this instance last saw of each account's upstream calls, for the readiness report. */
public class AccountStatus implements PollObserver {

    /** The last call of an account: when, how it ended, and the error if it failed. */
    public record LastCall(Instant at, String outcome, String error, String traceId) {
    }

    private final InstantSource clock;
    private final Map<AccountName, LastCall> lastCalls = new ConcurrentHashMap<>();
    private final Map<AccountName, LastCall> lastErrors = new ConcurrentHashMap<>();

    public AccountStatus(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void called(DownloadJob before, DownloadJob after, String outcome, Duration latency, String traceId) {
        String error = after.lastError() == null || after.lastError().code() == JobErrorCode.DEADLINE_EXCEEDED
                ? null : after.lastError().code() + ": " + after.lastError().message();
        LastCall call = new LastCall(clock.instant(), outcome, error, traceId);
        lastCalls.put(after.account(), call);
        if (error != null) {
            lastErrors.put(after.account(), call);
        }
    }

    public Optional<LastCall> lastCall(AccountName account) {
        return Optional.ofNullable(lastCalls.get(account));
    }

    public Optional<LastCall> lastError(AccountName account) {
        return Optional.ofNullable(lastErrors.get(account));
    }
}
