package io.transcodezip.adapters.http.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.transcodezip.core.port.out.StoreException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Database failures reach clients as problems: 503 to retry when transient, 500 otherwise. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aTransientStoreFailure_is503WithRetryAfter() {
        Response response = mappers.store(new StoreException("connection refused", true, null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void aPermanentStoreFailure_is500_withoutItsDetails() {
        Response response = mappers.store(new StoreException("syntax error at LIMIT", false, null));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("LIMIT");
    }
}
