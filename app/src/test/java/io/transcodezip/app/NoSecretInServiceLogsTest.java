package io.transcodezip.app;

import static io.transcodezip.app.Api.awaitState;
import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Everything the whole service logs (DEBUG for its own code) through a refused token and a READY job. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class NoSecretInServiceLogsTest {

    @Test
    void aTokenRefreshAndAReadyJob_leaveNoSecretInAnyLogLine() {
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            long fileId = 70_001;
            String url = Jobs.platformUrl(Instant.now().plusSeconds(600));
            Upstream.answers(fileId, Upstream.envelope(401, "access_token expired", "null"), Upstream.ready(url));

            String id = submit(fileId, "secret.zip");
            awaitState(id, "READY", Duration.ofSeconds(20));
            Api.acme().redirects().follow(false).get(Api.JOBS + "/" + id + "/download").then().statusCode(302);

            String log = String.join("", lines);
            String jwt = url.substring(url.indexOf("Bearer ") + 7);
            assertThat(log).as("the capture saw the exchange").contains("token refused").contains(id);
            assertThat(log).doesNotContain("test-client-secret-value", "e2e-token", jwt, "token=Bearer", "acme-key");
        } finally {
            root.removeHandler(capture);
        }
    }
}
