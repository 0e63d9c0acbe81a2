package io.transcodezip.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.transcodezip.adapters.http.out.Pan123Accounts;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.DownloadJobRepository.StateCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code transcodezip_jobs{account,state}}: jobs in the database (every instance sees the same
 * numbers). One query serves every gauge of a scrape: the counts are cached for a few seconds.
 */
@ApplicationScoped
public class JobGauges {

    private static final long TTL_NANOS = 5_000_000_000L;

    private final DownloadJobRepository jobs;
    private volatile Map<String, Long> counts = Map.of();
    private volatile long countedAt;
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    JobGauges(DownloadJobRepository jobs) {
        this.jobs = jobs;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry, Pan123Accounts accounts) {
        for (AccountName account : accounts.names()) {
            // Counters of rare events exist from the start, so a dashboard shows 0 rather than nothing.
            MetricsPollObserver.registerRareEvents(registry, account);
            for (JobState state : JobState.values()) {
                String key = key(account, state);
                if (registered.putIfAbsent(key, Boolean.TRUE) == null) {
                    Gauge.builder("transcodezip.jobs", this, g -> g.count(key))
                            .description("Jobs in the database by account and state")
                            .tag("account", account.value()).tag("state", state.name())
                            .register(registry);
                }
            }
        }
    }

    double count(String key) {
        long now = System.nanoTime();
        if (now - countedAt > TTL_NANOS) {
            try {
                List<StateCount> fresh = jobs.countByAccountAndState();
                counts = fresh.stream().collect(Collectors.toMap(c -> key(c.account(), c.state()),
                        StateCount::count, Long::sum));
                countedAt = now;
            } catch (RuntimeException databaseDown) {
                return Double.NaN;
            }
        }
        return counts.getOrDefault(key, 0L);
    }

    private static String key(AccountName account, JobState state) {
        return account.value() + "/" + state.name();
    }

}
