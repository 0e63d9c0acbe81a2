package io.transcodezip.app.ops;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.port.out.PollObserver;
import java.time.Duration;
import java.util.List;

/** Tells every observer; one that fails does not keep the others, nor the poller, from their work. */
public class CompositePollObserver implements PollObserver {

    private final List<PollObserver> observers;

    public CompositePollObserver(List<PollObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void claimed(DownloadJob job, Duration lag, boolean takeover) {
        each(o -> o.claimed(job, lag, takeover));
    }

    @Override
    public void callStarting(DownloadJob job) {
        each(o -> o.callStarting(job));
    }

    @Override
    public void callEnded(DownloadJob job) {
        each(o -> o.callEnded(job));
    }

    @Override
    public void budgetWait(AccountName account, Duration waited, boolean granted) {
        each(o -> o.budgetWait(account, waited, granted));
    }

    @Override
    public void called(DownloadJob before, DownloadJob after, String outcome, Duration latency, String traceId) {
        each(o -> o.called(before, after, outcome, latency, traceId));
    }

    @Override
    public void fenced(DownloadJob outcome) {
        each(o -> o.fenced(outcome));
    }

    @Override
    public void failed(DownloadJob job, RuntimeException error) {
        each(o -> o.failed(job, error));
    }

    private void each(java.util.function.Consumer<PollObserver> tell) {
        for (PollObserver observer : observers) {
            try {
                tell.accept(observer);
            } catch (RuntimeException ignored) {
                // An observer's trouble is not the poller's.
            }
        }
    }
}
