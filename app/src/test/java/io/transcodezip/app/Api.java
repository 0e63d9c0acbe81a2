package io.transcodezip.app;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The service's REST API as a test drives it. */
final class Api {

    static final String JOBS = "/api/v1/download-jobs";

    private Api() {
    }

    static RequestSpecification acme() {
        return given().header("Authorization", "Bearer acme-key");
    }

    static RequestSpecification globex() {
        return given().header("X-API-Key", "globex-key");
    }

    static String submit(long fileId, String zipName) {
        return acme().contentType(ContentType.JSON)
                .body("{\"fileId\":" + fileId + ",\"zipName\":\"" + zipName + "\"}")
                .post(JOBS).then().statusCode(201).extract().path("id");
    }

    static JsonPath job(String id) {
        return acme().get(JOBS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits, polling the API, until the job is in {@code state}; returns it then. */
    static JsonPath awaitState(String id, String state, Duration atMost) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(job(id));
            return state.equals(last.get().getString("state"));
        });
        return last.get();
    }
}
