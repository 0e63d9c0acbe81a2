package io.transcodezip.app;

import static io.transcodezip.app.Api.JOBS;
import static io.transcodezip.app.Api.acme;
import static io.transcodezip.app.Api.awaitState;
import static io.transcodezip.app.Api.globex;
import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The whole service: REST API, poller, PostgreSQL and a stub platform. Intervals are shortened
 * (application.properties, %test): poll interval 1 s, tick 200 ms, budget 5 calls/s.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class DownloadJobsEndToEndTest {

    private static final AtomicLong FILE_IDS = new AtomicLong(10_000);
    private static final Duration SOON = Duration.ofSeconds(20);

    private static long fileId() {
        return FILE_IDS.addAndGet(7);
    }

    @Test
    void aJobBecomesReady_withItsCallsSpacedByTheInterval() {
        long fileId = fileId();
        String url = Jobs.platformUrl(Instant.now().plusSeconds(300));
        Upstream.answers(fileId, Upstream.packaging(), Upstream.packaging(), Upstream.ready(url));
        Instant submitted = Instant.now();

        String id = submit(fileId, "good.mp4");
        JsonPath ready = awaitState(id, "READY", SOON);

        assertThat(ready.getString("downloadUrl")).isEqualTo(url);
        assertThat(ready.getInt("calls")).isEqualTo(3);
        List<Instant> calls = Upstream.callTimes(fileId);
        assertThat(calls).hasSize(3);
        assertThat(Duration.between(submitted, calls.get(0))).as("the first call comes at once")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(Duration.between(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(Duration.between(calls.get(1), calls.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void aFullSpace_endsTheJobAsSpaceFull_andRetryStartsItAgain() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.spaceFull(), Upstream.ready(Jobs.platformUrl(Instant.now().plusSeconds(600))));

        String id = submit(fileId, "full.zip");
        awaitState(id, "SPACE_FULL", SOON);
        acme().post(JOBS + "/" + id + "/retry").then().statusCode(200).body("state", equalTo("PENDING"));

        assertThat(awaitState(id, "READY", SOON).getInt("calls")).isEqualTo(2);
    }

    @Test
    void aMissingFile_failsTheJob_withTheUpstreamCode() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.envelope(5066, "file does not exist", "null"));

        String id = submit(fileId, "gone.zip");
        JsonPath failed = awaitState(id, "FAILED", SOON);

        assertThat(failed.getString("error.code")).isEqualTo("UPSTREAM_REJECTED");
        assertThat(failed.getInt("error.upstreamCode")).isEqualTo(5066);
        assertThat(failed.getString("error.traceId")).isEqualTo("trace-5066");
        assertThat(failed.getString("finishedAt")).isNotNull();
    }

    @Test
    void rateLimited_slowsTheCallsDown_thenTheJobBecomesReady() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.envelope(429, "请求太频繁", "null"), Upstream.envelope(429, "请求太频繁", "null"),
                Upstream.ready(Jobs.platformUrl(Instant.now().plusSeconds(600))));

        String id = submit(fileId, "slow.zip");
        JsonPath ready = awaitState(id, "READY", SOON);

        assertThat(ready.getInt("calls")).isEqualTo(3);
        List<Instant> calls = Upstream.callTimes(fileId);
        assertThat(Duration.between(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void cancel_stopsTheCalls_andASecondCancelIs409() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.packaging());
        String id = submit(fileId, "cancel.zip");
        awaitState(id, "PACKAGING", SOON);

        acme().post(JOBS + "/" + id + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        int callsAtCancel = Upstream.callTimes(fileId).size();
        acme().post(JOBS + "/" + id + "/cancel").then().statusCode(409);

        // Long enough for two more polls, had the job not been cancelled.
        Api.acme().queryParam("wait", 3).get(JOBS + "/" + id).then().statusCode(200);
        org.awaitility.Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> Upstream.callTimes(fileId).size() <= callsAtCancel + 1);
        assertThat(Upstream.callTimes(fileId).size()).isLessThanOrEqualTo(callsAtCancel + 1);
    }

    @Test
    void submittingTheSameJobAgain_returnsTheActiveOne() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.packaging());
        String id = submit(fileId, "same.zip");

        acme().contentType(ContentType.JSON).body("{\"fileId\":" + fileId + ",\"zipName\":\"same.zip\",\"account\":\"default\"}")
                .post(JOBS).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aLongPoll_returnsAsSoonAsTheJobIsReady() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.packaging(), Upstream.ready(Jobs.platformUrl(Instant.now().plusSeconds(600))));
        String id = submit(fileId, "wait.zip");

        long started = System.nanoTime();
        acme().queryParam("wait", 25).get(JOBS + "/" + id).then().statusCode(200).body("state", equalTo("READY"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("ready after about one interval, far from the 25 s wait").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anotherTenant_seesNothing_andNoKeyIs401() {
        long fileId = fileId();
        Upstream.answers(fileId, Upstream.packaging());
        String id = submit(fileId, "mine.zip");

        globex().get(JOBS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        globex().post(JOBS + "/" + id + "/cancel").then().statusCode(404);
        io.restassured.RestAssured.given().get(JOBS + "/" + id).then().statusCode(401);
    }

    @Test
    void badInput_isA4xxProblem_neverA500() {
        acme().contentType(ContentType.JSON).body("{\"fileId\":\"12\",\"zipName\":\"x.zip\",\"what\":1}").post(JOBS)
                .then().statusCode(400).contentType("application/problem+json");
        acme().contentType(ContentType.JSON).body("{\"fileId\":12,\"zipName\":\"x.zip\",\"account\":\"nobody\"}")
                .post(JOBS).then().statusCode(400).body("errors[0].field", equalTo("account"));
        acme().contentType(ContentType.JSON).body("{\"fileId\":1,\"zipName\":\"" + "y".repeat(20_000) + "\"}")
                .post(JOBS).then().statusCode(413);
        acme().queryParam("wait", 99).get(JOBS + "/" + java.util.UUID.randomUUID()).then().statusCode(400);
    }

    @Test
    void theDownloadRedirect_mintsAFreshLink_whenTheStoredOneIsAboutToExpire() {
        long fileId = fileId();
        String expiring = Jobs.platformUrl(Instant.now().plusSeconds(30));
        String fresh = Jobs.platformUrl(Instant.now().plusSeconds(600));
        Upstream.answers(fileId, Upstream.ready(expiring), Upstream.ready(fresh));
        String id = submit(fileId, "link.zip");
        awaitState(id, "READY", SOON);

        String location = acme().redirects().follow(false).get(JOBS + "/" + id + "/download")
                .then().statusCode(302).extract().header("Location");

        assertThat(location).isEqualTo(fresh.replace(" ", "%20"));
        assertThat(Api.job(id).getString("downloadUrl")).isEqualTo(fresh);
        assertThat(Upstream.callTimes(fileId)).hasSize(2);
        acme().redirects().follow(false).get(JOBS + "/" + id + "/download").then().statusCode(302);
        assertThat(Upstream.callTimes(fileId)).as("a link with time left is handed out as it is").hasSize(2);
    }
}
