package io.transcodezip.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.Tenant;
import io.transcodezip.core.port.in.PollDueJobsUseCase;
import io.transcodezip.core.port.out.DownloadJobRepository;
import io.transcodezip.core.port.out.DownloadJobRepository.ClaimedJob;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping an instance: it claims no more, lets the call under way finish, and gives back the leases
 * it holds so that another instance takes those jobs at once instead of after the lease runs out.
 */
@QuarkusTest
@TestProfile(GracefulShutdownTest.NamedInstance.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class GracefulShutdownTest {

    static final String INSTANCE = "instance-under-test";

    public static class NamedInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("transcodezip.instance-id", INSTANCE, "transcodezip.poll.lease", "5m");
        }
    }

    @Inject
    PollDueJobsUseCase poller;
    @Inject
    DownloadJobRepository repository;

    @Test
    void stopping_finishesTheCallUnderWay_andReleasesTheLeasesAtOnce() throws InterruptedException {
        long slowFile = 80_001;
        WireMockUpstream.server().stubFor(post(urlEqualTo(WireMockUpstream.DOWNLOAD_ALL))
                .withRequestBody(matchingJsonPath("$.fileId", equalTo(Long.toString(slowFile))))
                .willReturn(okJson(Upstream.packaging()).withFixedDelay(1500)));
        String slow = submit(slowFile, "slow.zip");
        await().atMost(Duration.ofSeconds(10)).until(() -> Upstream.callTimes(slowFile).size() == 1);

        // A job this instance holds but has not called yet (as if its slot were still ahead).
        AccountName held = AccountName.of("held-" + System.nanoTime());
        repository.createOrGetActive(io.transcodezip.core.testing.Jobs.pending(Tenant.of("acme"), held, 80_002,
                "held.zip", Instant.now()));
        List<ClaimedJob> holding = repository.claimDue(held, Instant.now(), 1, INSTANCE, Duration.ofMinutes(5));
        assertThat(holding).hasSize(1);

        long started = System.nanoTime();
        int released = poller.stop(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("waited for the call under way").isGreaterThan(Duration.ofMillis(300));
        assertThat(Api.job(slow).getInt("calls")).as("its answer was stored, not lost").isEqualTo(1);
        assertThat(Api.job(slow).getString("state")).isEqualTo("PACKAGING");
        assertThat(released).isGreaterThanOrEqualTo(1);
        assertThat(repository.claimDue(held, Instant.now(), 1, "another-instance", Duration.ofMinutes(5)))
                .as("claimable by another instance at once").extracting(c -> c.job().id())
                .containsExactly(holding.get(0).job().id());
        assertThat(poller.pollOnce().claimed()).as("a stopped poller claims nothing").isZero();
    }
}
