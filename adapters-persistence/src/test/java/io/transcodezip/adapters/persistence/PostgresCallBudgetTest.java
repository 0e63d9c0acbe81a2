package io.transcodezip.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.adapters.persistence.PostgresCallBudget.Slot;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.port.out.CallBudget;
import io.transcodezip.core.port.out.Sleeper;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The cluster-wide budget (configured here at 5 calls per second), hammered by stand-in instances. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PostgresCallBudgetTest {

    private static final int RATE = 5;
    /** (1 s + the send tolerance) / rate: 210 ms. */
    private static final Duration SPACING = Duration.ofNanos((1_000_000_000L + CallBudget.SEND_TOLERANCE.toNanos()) / RATE);

    @Inject
    PostgresCallBudget budget;

    @Test
    void fourInstancesHammeringOneAccount_neverExceedTheRate_andUseAtLeast90PercentOfIt() throws Exception {
        AccountName account = AccountName.of("hammered");
        ConcurrentLinkedQueue<Instant> grants = new ConcurrentLinkedQueue<>();
        long runFor = Duration.ofSeconds(10).toNanos();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(instances.submit(() -> {
                start.await();
                long begin = System.nanoTime();
                while (System.nanoTime() - begin < runFor) {
                    Optional<Slot> slot = budget.reserveSlot(account, Duration.ofSeconds(1));
                    if (slot.isPresent()) {
                        grants.add(slot.get().at());
                        // An instance sends its call only when its slot begins, as the poller does.
                        Sleeper.SYSTEM.sleep(slot.get().delay());
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        instances.shutdown();

        Map<Long, Long> perSecond = grants.stream()
                .collect(Collectors.groupingBy(Instant::getEpochSecond, Collectors.counting()));
        assertThat(perSecond.values()).as("grants per second: %s", perSecond)
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(RATE));
        assertThat(grants.size()).as("grants in 10 s").isGreaterThanOrEqualTo(RATE * 10 * 9 / 10);
        List<Instant> sorted = grants.stream().sorted().collect(Collectors.toList());
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                    .as("slots are evenly spaced").isGreaterThanOrEqualTo(SPACING.minusMillis(1));
        }
    }

    @Test
    void aSlotTooFarAhead_isNotReserved() {
        AccountName account = AccountName.of("far-ahead");
        assertThat(budget.reserve(account, Duration.ZERO)).contains(Duration.ZERO);
        assertThat(budget.reserve(account, Duration.ZERO)).as("the next slot is 210 ms away").isEmpty();
        assertThat(budget.reserve(account, Duration.ofSeconds(1))).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(100), SPACING));
    }

    @Test
    void throttling_spacesSlotsOutMore_untilACallGoesThrough() {
        AccountName account = AccountName.of("throttled");
        budget.reserve(account, Duration.ZERO);
        budget.throttle(account);
        budget.throttle(account);
        assertThat(budget.slowdown(account)).isEqualTo(2);

        Slot first = budget.reserveSlot(account, Duration.ofSeconds(10)).orElseThrow();
        Slot second = budget.reserveSlot(account, Duration.ofSeconds(10)).orElseThrow();
        assertThat(Duration.between(first.at(), second.at())).as("4 × 210 ms").isEqualTo(SPACING.multipliedBy(4));

        budget.recovered(account);
        assertThat(budget.slowdown(account)).isZero();
        Slot third = budget.reserveSlot(account, Duration.ofSeconds(10)).orElseThrow();
        Slot fourth = budget.reserveSlot(account, Duration.ofSeconds(10)).orElseThrow();
        assertThat(Duration.between(third.at(), fourth.at())).isEqualTo(SPACING);
    }

    @Test
    void slowdown_isCapped() {
        AccountName account = AccountName.of("capped");
        for (int i = 0; i < 20; i++) {
            budget.throttle(account);
        }
        assertThat(budget.slowdown(account)).isEqualTo(PostgresCallBudget.MAX_SLOWDOWN);
    }
}
