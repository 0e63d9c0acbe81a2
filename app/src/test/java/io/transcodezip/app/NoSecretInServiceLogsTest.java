package io.transcodezip.app;

import static io.transcodezip.app.Api.awaitState;
import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Everything the whole service logs (DEBUG for its own code) through a refused token and a READY job. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class NoSecretInServiceLogsTest {

    @Test
    void aTokenRefreshAndAReadyJob_leaveNoSecretInAnyLogLine() {
        try (LogCapture capture = LogCapture.start("io.transcodezip")) {
            long fileId = 70_001;
            String url = Jobs.platformUrl(Instant.now().plusSeconds(600));
            Upstream.answers(fileId, Upstream.envelope(401, "access_token expired", "null"), Upstream.ready(url));

            String id = submit(fileId, "secret.zip");
            awaitState(id, "READY", Duration.ofSeconds(20));
            Api.acme().redirects().follow(false).get(Api.JOBS + "/" + id + "/download").then().statusCode(302);

            String log = capture.text();
            String jwt = url.substring(url.indexOf("Bearer ") + 7);
            assertThat(log).as("the capture saw the exchange").contains("token refused").contains(id);
            assertThat(log).doesNotContain("test-client-secret-value", "e2e-token", jwt, "token=Bearer", "acme-key");
        }
    }
}
