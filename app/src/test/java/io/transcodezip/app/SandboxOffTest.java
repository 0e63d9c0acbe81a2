package io.transcodezip.app;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/** Unless asked for, there is no sandbox. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class SandboxOffTest {

    @Test
    void theSandbox_isNotServedByDefault() {
        given().contentType("application/json").header("Platform", "open_platform")
                .body("{\"clientID\":\"sandbox-client\",\"clientSecret\":\"sandbox-secret\"}")
                .post("/sandbox/pan123/api/v1/access_token").then().statusCode(404);
    }
}
