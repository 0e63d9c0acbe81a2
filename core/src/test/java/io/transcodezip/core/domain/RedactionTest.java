package io.transcodezip.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void url_dropsTheQueryAndFragment() {
        assertThat(Redaction.url("https://h/p.zip?fileId=1&token=Bearer x")).isEqualTo("https://h/p.zip?<redacted>");
        assertThat(Redaction.url("https://h/p.zip#frag")).isEqualTo("https://h/p.zip?<redacted>");
        assertThat(Redaction.url("https://h/p.zip")).isEqualTo("https://h/p.zip");
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void secret_saysOnlyWhetherThereIsOne() {
        assertThat(Redaction.secret("s3cr3t")).isEqualTo("<redacted>");
        assertThat(Redaction.secret("")).isEqualTo("<none>");
        assertThat(Redaction.secret(null)).isEqualTo("<none>");
    }

    @Test
    void text_masksEverySecretInFreeText() {
        String text = "POST https://open-api.123pan.com/x?token=abc Authorization: Bearer eyJhbGciOi.eyJleHAi.sig "
                + "{\"clientSecret\":\"hunter2\",\"accessToken\":\"tok-123\"} jwt eyJa.eyJb.c secret=pw1";
        String out = Redaction.text(text);

        assertThat(out).doesNotContain("abc").doesNotContain("eyJ").doesNotContain("hunter2")
                .doesNotContain("tok-123").doesNotContain("pw1")
                .contains("https://open-api.123pan.com/x?<redacted>").contains("Bearer <redacted>");
    }

    @Test
    void text_masksKnownSecretsEchoedBack() {
        assertThat(Redaction.text("bad secret plain-secret for id x", "plain-secret", null, "ab"))
                .isEqualTo("bad secret <redacted> for id x");
    }

    @Test
    void text_leavesOrdinaryMessagesAlone() {
        assertThat(Redaction.text("file does not exist (code 5066)")).isEqualTo("file does not exist (code 5066)");
        assertThat(Redaction.text(null)).isNull();
    }
}
