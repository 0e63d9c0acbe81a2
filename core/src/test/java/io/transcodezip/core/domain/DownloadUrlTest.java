package io.transcodezip.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transcodezip.core.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadUrlTest {

    private static final Instant ISSUED = Instant.parse("2026-01-05T08:00:00Z");

    /** The link from the platform's documentation, verbatim: exp 1735783281, iat 1735782981. */
    static final String DOCUMENTED = "https://dev3.123pan.com:8443/a/api/uncompress/statics/"
            + "b3c048da66b362be09d93b18727bf104_3219013/1080p_480p_222.mp4.zip?fileId=2875054&token=Bearer "
            + "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3MzU3ODMyODEsImlhdCI6MTczNTc4Mjk4MSwiaWQiOjE4MTQ0Mz"
            + "U5NzEsIm1haWwiOiIiLCJuaWNrbmFtZSI6IjE1MzIzNzAxMTM0IiwidXNlcm5hbWUiOjE1MzIzNzAxMTM0LCJ2Ijo5OH0."
            + "IqgK-7vN-QbpjwE1W4NRcb8QVm3FJvTqwO53fsggE14";

    @Test
    void expiry_isTheExpClaimOfTheToken() {
        assertThat(DownloadUrl.parse(DOCUMENTED, ISSUED).expiresAt()).isEqualTo(Instant.ofEpochSecond(1735783281L));
    }

    @Test
    void expiry_isReadFromBrowserEncodedTokensToo() {
        Instant exp = Instant.parse("2030-01-01T00:00:00Z");
        String url = Jobs.platformUrl(exp);
        assertThat(DownloadUrl.parse(url.replace("Bearer ", "Bearer%20"), ISSUED).expiresAt()).isEqualTo(exp);
        assertThat(DownloadUrl.parse(url.replace("Bearer ", "Bearer+"), ISSUED).expiresAt()).isEqualTo(exp);
    }

    @Test
    void withoutAToken_theLinkLivesFiveMinutesFromIssue() {
        DownloadUrl url = DownloadUrl.parse("https://example.com/x.zip?fileId=1", ISSUED);
        assertThat(url.expiresAt()).isEqualTo(ISSUED.plusSeconds(300));
        assertThat(DownloadUrl.parse("https://example.com/x.zip", ISSUED).expiresAt()).isEqualTo(ISSUED.plusSeconds(300));
    }

    @Test
    void aGarbageToken_countsAsNoToken() {
        for (String token : new String[] {"Bearer garbage", "Bearer a.%%%.c", "Bearer eyJ.bm90IGpzb24.x",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.x", "%zz"}) {
            DownloadUrl url = DownloadUrl.parse("https://example.com/x.zip?token=" + token, ISSUED);
            assertThat(url.expiresAt()).as(token).isEqualTo(ISSUED.plusSeconds(300));
        }
    }

    @Test
    void validity_isMeasuredAgainstTheExpiry() {
        DownloadUrl url = new DownloadUrl("https://example.com/x.zip", ISSUED.plusSeconds(300));
        assertThat(url.isValidFor(ISSUED.plusSeconds(240), Duration.ofSeconds(60))).isTrue();
        assertThat(url.isValidFor(ISSUED.plusSeconds(241), Duration.ofSeconds(60))).isFalse();
        assertThat(url.remaining(ISSUED.plusSeconds(290))).isEqualTo(Duration.ofSeconds(10));
        assertThat(url.remaining(ISSUED.plusSeconds(400))).isEqualTo(Duration.ZERO);
    }

    @Test
    void toString_neverShowsTheToken() {
        DownloadUrl url = DownloadUrl.parse(DOCUMENTED, ISSUED);
        assertThat(url.toString()).doesNotContain("token").doesNotContain("eyJ").doesNotContain("fileId=")
                .contains("1080p_480p_222.mp4.zip");
        assertThat(url.redacted()).endsWith("1080p_480p_222.mp4.zip?<redacted>");
    }

    @Test
    void onlyHttpLinks_areLinks() {
        assertThatThrownBy(() -> DownloadUrl.parse("", ISSUED)).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> DownloadUrl.parse("javascript:alert(1)", ISSUED)).hasMessageContaining("http(s)");
    }
}
