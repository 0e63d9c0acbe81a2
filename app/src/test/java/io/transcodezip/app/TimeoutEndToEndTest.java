package io.transcodezip.app;

import static io.transcodezip.app.Api.awaitState;
import static io.transcodezip.app.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.transcodezip.adapters.persistence.EmbeddedPostgresResource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job that stays packaging past its deadline (3 s here) ends TIMED_OUT, and retry gives it another go. */
@QuarkusTest
@TestProfile(TimeoutEndToEndTest.ShortDeadline.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(WireMockUpstream.class)
class TimeoutEndToEndTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("transcodezip.poll.max-wait", "3s");
        }
    }

    @Test
    void aJobStillPackagingAtItsDeadline_timesOut_andCanBeRetried() {
        long fileId = 90_001;
        Upstream.answers(fileId, Upstream.packaging());

        String id = submit(fileId, "forever.zip");
        JsonPath timedOut = awaitState(id, "TIMED_OUT", Duration.ofSeconds(15));

        assertThat(timedOut.getString("error.code")).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(timedOut.getInt("calls")).isPositive();
        assertThat(Upstream.callTimes(fileId)).hasSize(timedOut.getInt("calls"));
        Api.acme().post(Api.JOBS + "/" + id + "/retry").then().statusCode(200);
        assertThat(Api.job(id).getString("state")).isIn("PENDING", "PACKAGING");
    }
}
