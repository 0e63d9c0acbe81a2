package io.transcodezip.adapters.http.in;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.transcodezip.adapters.http.out.WireMockPlatform;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.port.out.DownloadJobRepository.ClaimedJob;
import io.transcodezip.core.testing.InMemoryDownloadJobRepository;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST edge over in-memory use cases: status codes, the job's JSON and every kind of bad input. */
@QuarkusTest
@WithTestResource(value = WireMockPlatform.class, scope = TestResourceScope.GLOBAL)
class DownloadJobResourceTest {

    private static final AtomicLong FILE_IDS = new AtomicLong(7_000_000);
    private static final String PROBLEM = "application/problem+json";

    @Inject
    InMemoryDownloadJobRepository repository;
    @Inject
    MutableClock clock;

    private static RequestSpecification acme() {
        return given().header("Authorization", "Bearer acme-key");
    }

    private static RequestSpecification globex() {
        return given().header("X-API-Key", "globex-key");
    }

    private static String submitBody(long fileId, String zipName) {
        return "{\"fileId\":" + fileId + ",\"zipName\":\"" + zipName + "\"}";
    }

    private String submit(long fileId) {
        return acme().contentType(ContentType.JSON).body(submitBody(fileId, "movie.zip"))
                .post("/api/v1/download-jobs").then().statusCode(201).extract().path("id");
    }

    @Test
    void submit_answers201WithLocation_andTheSameActiveJobAgainWith200() {
        long fileId = FILE_IDS.incrementAndGet();
        var created = acme().contentType(ContentType.JSON).body(submitBody(fileId, "全部.zip"))
                .post("/api/v1/download-jobs")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("state", equalTo("PENDING"))
                .body("account", equalTo("default"))
                .body("fileId", equalTo((int) fileId))
                .body("zipName", equalTo("全部.zip"))
                .body("calls", equalTo(0))
                .body("downloadUrl", nullValue())
                .body("error", nullValue())
                .body("createdAt", notNullValue())
                .body("nextPollAt", notNullValue())
                .body("deadline", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/download-jobs/" + id);

        acme().contentType(ContentType.JSON).body(submitBody(fileId, "全部.zip")).post("/api/v1/download-jobs")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aJob_isReadByItsTenantOnly() {
        String id = submit(FILE_IDS.incrementAndGet());

        acme().get("/api/v1/download-jobs/" + id).then().statusCode(200).body("id", equalTo(id));
        globex().get("/api/v1/download-jobs/" + id).then().statusCode(404).contentType(PROBLEM);
        globex().post("/api/v1/download-jobs/" + id + "/cancel").then().statusCode(404);
        globex().get("/api/v1/download-jobs").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void withoutAKnownKey_everyCallIs401() {
        given().get("/api/v1/download-jobs").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong").get("/api/v1/download-jobs").then().statusCode(401);
        given().header("X-API-Key", "").get("/api/v1/download-jobs").then().statusCode(401);
        given().header("Authorization", "Basic YWNtZTphY21lLWtleQ==").get("/api/v1/download-jobs").then().statusCode(401);
        given().contentType(ContentType.JSON).body(submitBody(1, "a.zip")).post("/api/v1/download-jobs")
                .then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field              | {\"fileId\":1,\"zipName\":\"a.zip\",\"colour\":\"red\"} | colour",
            "string fileId              | {\"fileId\":\"1\",\"zipName\":\"a.zip\"}                 | fileId",
            "fractional fileId          | {\"fileId\":1.5,\"zipName\":\"a.zip\"}                   | fileId",
            "zero fileId                | {\"fileId\":0,\"zipName\":\"a.zip\"}                     | fileId",
            "negative fileId            | {\"fileId\":-3,\"zipName\":\"a.zip\"}                    | fileId",
            "fileId beyond 64 bits      | {\"fileId\":92233720368547758070,\"zipName\":\"a.zip\"}  | fileId",
            "missing fileId             | {\"zipName\":\"a.zip\"}                                  | fileId",
            "missing zipName            | {\"fileId\":1}                                           | zipName",
            "blank zipName              | {\"fileId\":1,\"zipName\":\"  \"}                        | zipName",
            "slash in zipName           | {\"fileId\":1,\"zipName\":\"a/b.zip\"}                   | zipName",
            "backslash in zipName       | {\"fileId\":1,\"zipName\":\"a\\\\b.zip\"}                | zipName",
            "dot-dot zipName            | {\"fileId\":1,\"zipName\":\"..\"}                        | zipName",
            "control char in zipName    | {\"fileId\":1,\"zipName\":\"a\\u0007.zip\"}              | zipName",
            "number as zipName          | {\"fileId\":1,\"zipName\":5}                             | zipName",
            "unknown account            | {\"fileId\":1,\"zipName\":\"a.zip\",\"account\":\"nobody\"} | account",
            "malformed account          | {\"fileId\":1,\"zipName\":\"a.zip\",\"account\":\"a b\"}  | account",
            "not JSON                   | {fileId:1                                               | body",
            "an array                   | [1,2]                                                   | body",
            "empty body                 | ''                                                      | body",
    })
    void badInput_isA400Problem_namingTheField(String what, String body, String field) {
        acme().contentType(ContentType.JSON).body(body.equals("''") ? "" : body).post("/api/v1/download-jobs")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void severalBadFields_areNamedInOneAnswer() {
        acme().contentType(ContentType.JSON).body("{\"fileId\":\"x\",\"zipName\":\"..\",\"extra\":1}")
                .post("/api/v1/download-jobs")
                .then().statusCode(400).body("errors", hasSize(3))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("fileId", "zipName", "extra"));
    }

    @Test
    void aZipNameOver255Bytes_isRefused() {
        acme().contentType(ContentType.JSON).body(submitBody(1, "视".repeat(86))).post("/api/v1/download-jobs")
                .then().statusCode(400).body("errors[0].message", containsString("255 bytes"));
    }

    @Test
    void aBodyOver16KiB_isRefused() {
        String huge = "{\"fileId\":1,\"zipName\":\"a.zip\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}";
        acme().contentType(ContentType.JSON).body(huge).post("/api/v1/download-jobs")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("16384"));
    }

    @Test
    void aBodyThatIsNotJson_isRefusedByMediaType() {
        acme().contentType(ContentType.TEXT).body(submitBody(1, "a.zip")).post("/api/v1/download-jobs")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "31", "-1", "abc", "2.5"})
    void aWaitOutside1To30_isRefused(String wait) {
        String id = submit(FILE_IDS.incrementAndGet());
        acme().queryParam("wait", wait).get("/api/v1/download-jobs/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("wait"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"limit,0", "limit,201", "limit,ten", "state,DONE", "fileId,-1", "fileId,x", "cursor,bogus",
            "account,a b"})
    void badListParameters_areRefused(String parameter, String value) {
        acme().queryParam(parameter, value).get("/api/v1/download-jobs")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(parameter));
    }

    @Test
    void anIdThatIsNoUuid_isNotFound() {
        acme().get("/api/v1/download-jobs/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        acme().get("/api/v1/download-jobs/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void list_isNewestFirst_filtered_andPaged() {
        long fileId = FILE_IDS.incrementAndGet();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(acme().contentType(ContentType.JSON).body(submitBody(fileId, "p" + i + ".zip"))
                    .post("/api/v1/download-jobs").then().statusCode(201).extract().path("id"));
            clock.advance(Duration.ofMillis(1));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = acme().queryParam("fileId", fileId).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/download-jobs").then().statusCode(200).extract();
            List<String> pageIds = page.path("items.id");
            seen.addAll(pageIds);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).isEqualTo(ids);
        assertThat(pages).isEqualTo(3);
        acme().queryParam("fileId", fileId).queryParam("state", "cancelled").get("/api/v1/download-jobs")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void cancel_then409_andRetry409UnlessFullFailedOrTimedOut() {
        String id = submit(FILE_IDS.incrementAndGet());
        acme().post("/api/v1/download-jobs/" + id + "/retry").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("cannot retry"));
        acme().post("/api/v1/download-jobs/" + id + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        acme().post("/api/v1/download-jobs/" + id + "/cancel").then().statusCode(409).contentType(PROBLEM);
        acme().post("/api/v1/download-jobs/" + id + "/retry").then().statusCode(409);
    }

    @Test
    void retry_bringsAFullJobBackToPending() {
        long fileId = FILE_IDS.incrementAndGet();
        String id = submit(fileId);
        ClaimedJob claim = claim(id);
        repository.completeClaim(claim, claim.job().spaceFull(clock.instant()));

        acme().post("/api/v1/download-jobs/" + id + "/retry").then().statusCode(200).body("state", equalTo("PENDING"));
    }

    @Test
    void download_isAFoundRedirectToAValidLink_or409WhenNotReady() {
        String id = submit(FILE_IDS.incrementAndGet());
        acme().redirects().follow(false).get("/api/v1/download-jobs/" + id + "/download")
                .then().statusCode(409).contentType(PROBLEM);

        ClaimedJob claim = claim(id);
        String url = Jobs.platformUrl(clock.instant().plusSeconds(300));
        repository.completeClaim(claim, claim.job().ready(Jobs.url(clock.instant().plusSeconds(300)), clock.instant()));

        acme().redirects().follow(false).get("/api/v1/download-jobs/" + id + "/download")
                .then().statusCode(302)
                .header("Location", equalTo(url.replace(" ", "%20")))
                .header("Cache-Control", "no-store");
        acme().get("/api/v1/download-jobs/" + id).then().body("state", equalTo("READY"))
                .body("downloadUrl", equalTo(url)).body("downloadUrlExpiresAt", notNullValue());
    }

    @Test
    void download_of_aLinkThatCannotBeRefreshed_is503WithRetryAfter() {
        String id = submit(FILE_IDS.incrementAndGet());
        ClaimedJob claim = claim(id);
        repository.completeClaim(claim, claim.job().ready(Jobs.url(clock.instant().plusSeconds(30)), clock.instant()));

        // Nothing polls in this module's tests: no fresh link can come.
        acme().redirects().follow(false).get("/api/v1/download-jobs/" + id + "/download")
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", "10");
    }

    private ClaimedJob claim(String id) {
        DownloadJob job = repository.find(Jobs.TENANT, UUID.fromString(id)).orElseThrow();
        return repository.claimDue(AccountName.DEFAULT, job.nextPollAt(), 100, "test", Duration.ofSeconds(30)).stream()
                .filter(c -> c.job().id().equals(job.id())).findFirst().orElseThrow();
    }
}
