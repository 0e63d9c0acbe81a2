package io.transcodezip.app;

import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Thirty jobs at once against a budget of 5 calls per second (application.properties, %test). */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class CallBudgetEndToEndTest {

    private static final int RATE = 5;

    @Test
    void thirtyJobsAtOnce_neverMoreThanTheRateInAnySecond_andAllBecomeReady() {
        List<Long> fileIds = LongStream.range(50_000, 50_030).boxed().collect(Collectors.toList());
        String url = Jobs.platformUrl(Instant.now().plusSeconds(900));
        fileIds.forEach(f -> Upstream.answers(f, Upstream.packaging(), Upstream.ready(url)));

        List<String> ids = new ArrayList<>();
        fileIds.parallelStream().map(f -> submit(f, "burst.zip")).forEach(id -> {
            synchronized (ids) {
                ids.add(id);
            }
        });

        // One light request per poll: a storm of status reads would crowd the calls it measures.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.acme().queryParam("state", "READY").queryParam("limit", 200).get(Api.JOBS).then().extract().jsonPath()
                        .getList("items.id", String.class).containsAll(ids));

        List<Instant> calls = fileIds.stream().flatMap(f -> Upstream.callTimes(f).stream()).sorted()
                .collect(Collectors.toList());
        assertThat(calls).hasSize(60);
        Map<Long, Long> perSecond = calls.stream().collect(Collectors.groupingBy(
                i -> i.toEpochMilli() / 1000, Collectors.counting()));
        assertThat(perSecond.values()).as("calls per second: %s", perSecond)
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(RATE));
        // Slots are 210 ms apart, so 6 calls span 1.05 s when sent on time; the stub sees them with the
        // jitter of two processes on one machine, so this looser check only catches bursts.
        for (int i = RATE; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - RATE), calls.get(i)))
                    .as("any %d consecutive calls", RATE + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(850));
        }
    }
}
