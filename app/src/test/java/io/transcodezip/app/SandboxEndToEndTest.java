package io.transcodezip.app;

import static io.transcodezip.app.Api.JOBS;
import static io.transcodezip.app.Api.acme;
import static io.transcodezip.app.Api.awaitState;
import static io.transcodezip.app.Api.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** With the sandbox on, the default account talks to the simulated platform the service serves itself. */
@QuarkusTest
@TestProfile(SandboxEndToEndTest.Sandbox.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SandboxEndToEndTest {

    public static class Sandbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("transcodezip.sandbox.enabled", "true",
                    // The sandbox allows one call per second, as the platform does.
                    "pan123.rate.download-all", "1");
        }
    }

    @Test
    void aJobBecomesReadyThroughTheSandbox_andItsZipCanBeFetched() throws IOException {
        String id = submit(2875008, "good.mp4");
        awaitState(id, "READY", Duration.ofSeconds(40));

        String location = acme().redirects().follow(false).get(JOBS + "/" + id + "/download")
                .then().statusCode(302).extract().header("Location");
        byte[] zip = given().urlEncodingEnabled(false).get(location)
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();

        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactlyInAnyOrder("1080p/good.mp4.txt", "720p/good.mp4.txt", "480p/good.mp4.txt");
    }

    @Test
    void theSandboxRules_fullSpaceAndMissingFile() {
        String full = submit(1230, "full.zip");
        String missing = submit(1239, "missing.zip");

        awaitState(full, "SPACE_FULL", Duration.ofSeconds(20));
        assertThat(awaitState(missing, "FAILED", Duration.ofSeconds(20)).getInt("error.upstreamCode")).isEqualTo(5066);
    }

    @Test
    void aSandboxLinkWithABadToken_isRefused() {
        given().get("/sandbox/pan123/files/x.zip?token=Bearer%20nope").then().statusCode(403);
    }
}
