package io.transcodezip.app;

import static io.restassured.RestAssured.given;
import static io.transcodezip.app.Api.awaitState;
import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API document, as an operator and a client generator see them. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class OperationsTest {

    @Test
    void liveness_andReadiness_withTheDatabaseSchemaAndTheAccounts() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class))
                .contains("database schema", "123pan accounts", "Database connections health check");
        Map<String, Object> schema = ready.getMap("checks.find { it.name == 'database schema' }.data");
        assertThat(schema).containsEntry("version", "1").containsEntry("pending migrations", 0);
        Map<String, Object> accounts = ready.getMap("checks.find { it.name == '123pan accounts' }.data");
        assertThat(accounts).containsEntry("accounts", "default").containsKeys("default.token", "default.rateLimited");
    }

    @Test
    void readiness_showsTheLastUpstreamErrorOfAnAccount_butStaysUp() {
        long fileId = 60_001;
        Upstream.answers(fileId, Upstream.envelope(5113, "traffic quota exceeded", "null"));
        awaitState(submit(fileId, "quota.zip"), "FAILED", Duration.ofSeconds(20));

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == '123pan accounts' }.data.'default.lastError'",
                        org.hamcrest.Matchers.containsString("traffic quota exceeded"));
    }

    @Test
    void metrics_countCallsByOutcome_timeToReady_andJobsByState() {
        // Other tests leave jobs packaging in the shared database; their polls would move the counters too.
        cancelEveryActiveJob();
        String before = Metrics.scrape();
        long ready = 60_101;
        long rejected = 60_102;
        Upstream.answers(ready, Upstream.packaging(), Upstream.ready(Jobs.platformUrl(Instant.now().plusSeconds(600))));
        Upstream.answers(rejected, Upstream.envelope(5066, "file does not exist", "null"));

        awaitState(submit(ready, "m.zip"), "READY", Duration.ofSeconds(20));
        awaitState(submit(rejected, "m.zip"), "FAILED", Duration.ofSeconds(20));

        String after = Metrics.scrape();
        assertThat(delta(before, after, "transcodezip_upstream_calls_total", "outcome=\"packaging\"")).isEqualTo(1);
        assertThat(delta(before, after, "transcodezip_upstream_calls_total", "outcome=\"ready\"")).isEqualTo(1);
        assertThat(delta(before, after, "transcodezip_upstream_calls_total", "outcome=\"rejected\"")).isEqualTo(1);
        assertThat(delta(before, after, "transcodezip_job_ready_seconds_count", "account=\"default\"")).isEqualTo(1);
        assertThat(delta(before, after, "transcodezip_upstream_call_seconds_count", "account=\"default\"")).isEqualTo(3);
        assertThat(delta(before, after, "transcodezip_poll_lag_seconds_count", "account=\"default\"")).isGreaterThanOrEqualTo(3);
        assertThat(delta(before, after, "transcodezip_budget_wait_seconds_count", "granted=\"true\"")).isGreaterThanOrEqualTo(3);
        // The job gauges count in the database at most every 5 s.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            String now = Metrics.scrape();
            return Metrics.value(now, "transcodezip_jobs", "account=\"default\"", "state=\"READY\"") >= 1
                    && Metrics.value(now, "transcodezip_jobs", "account=\"default\"", "state=\"FAILED\"") >= 1;
        });
        assertThat(after).contains("transcodezip_token_refreshes_total{account=\"default\",result=\"ok\"}");
        assertThat(after).as("rare events are counted from 0").contains(
                "transcodezip_fenced_writes_total{account=\"default\"}", "transcodezip_lease_takeovers_total{account=\"default\"}");
    }

    private static void cancelEveryActiveJob() {
        for (String state : List.of("PENDING", "PACKAGING", "READY")) {
            String cursor = null;
            do {
                JsonPath page = Api.acme().queryParam("state", state).queryParam("limit", 200)
                        .queryParam("cursor", cursor == null ? "" : cursor).get(Api.JOBS).then().statusCode(200)
                        .extract().jsonPath();
                page.getList("items.id", String.class).forEach(id -> Api.acme().post(Api.JOBS + "/" + id + "/cancel"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
        }
    }

    private static double delta(String before, String after, String name, String... labels) {
        return Metrics.value(after, name, labels) - Metrics.value(before, name, labels);
    }

    @Test
    void theApiDocument_describesEveryOperation_withItsErrorsAndTheKeySchemes() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        Map<String, List<String>> operations = Map.of(
                "/api/v1/download-jobs", List.of("post", "get"),
                "/api/v1/download-jobs/{id}", List.of("get"),
                "/api/v1/download-jobs/{id}/cancel", List.of("post"),
                "/api/v1/download-jobs/{id}/retry", List.of("post"),
                "/api/v1/download-jobs/{id}/download", List.of("get"));
        operations.forEach((path, methods) -> methods.forEach(method -> {
            Map<String, Object> responses = doc.getMap("paths.'" + path + "'." + method + ".responses");
            assertThat(responses).as("%s %s", method, path).containsKey("401");
            assertThat(responses.keySet()).as("%s %s has a 4xx besides 401", method, path)
                    .anyMatch(code -> code.startsWith("4") && !code.equals("401"));
        }));
        assertThat(doc.getMap("components.securitySchemes")).containsKeys("bearer", "apiKey");
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "Submission");
        assertThat(doc.getString("paths.'/api/v1/download-jobs'.post.responses.'400'.content.'application/problem+json'.examples.problem.value"))
                .isNotNull();
    }

    @Test
    void swaggerUi_isOffUnlessAskedFor() {
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(404);
    }
}
