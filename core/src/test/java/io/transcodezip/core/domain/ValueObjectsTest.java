package io.transcodezip.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transcodezip.core.port.out.PageCursor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void zipName_acceptsOrdinaryAndChineseNames_upTo255Bytes() {
        assertThat(ZipName.of("good.mp4").value()).isEqualTo("good.mp4");
        assertThat(ZipName.of("全部 清晰度.zip").value()).isEqualTo("全部 清晰度.zip");
        assertThat(ZipName.of("a".repeat(255)).value()).hasSize(255);
        assertThat(ZipName.of("..hidden").value()).isEqualTo("..hidden");
    }

    @Test
    void zipName_refusesWhatCannotBeAFileName() {
        assertThatThrownBy(() -> ZipName.of(null)).hasMessage("zipName must not be blank");
        assertThatThrownBy(() -> ZipName.of("  ")).hasMessage("zipName must not be blank");
        assertThatThrownBy(() -> ZipName.of("a".repeat(256)))
                .hasMessage("zipName must be at most 255 bytes in UTF-8, got 256");
        // 86 Chinese characters are 258 bytes: the limit is in bytes, not characters.
        assertThatThrownBy(() -> ZipName.of("视".repeat(86))).hasMessageContaining("got 258");
        assertThatThrownBy(() -> ZipName.of("a\nb")).hasMessage("zipName must not contain control characters");
        assertThatThrownBy(() -> ZipName.of("a\u007fb")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> ZipName.of("dir/x.zip")).hasMessageContaining("'/' or '\\'");
        assertThatThrownBy(() -> ZipName.of("dir\\x.zip")).hasMessageContaining("'/' or '\\'");
        assertThatThrownBy(() -> ZipName.of(".")).hasMessage("zipName must not be '.' or '..'");
        assertThatThrownBy(() -> ZipName.of("..")).hasMessage("zipName must not be '.' or '..'");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void fileId_mustBePositive(long value) {
        assertThatThrownBy(() -> FileId.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fileId must be a positive number");
    }

    @Test
    void fileId_takesTheWhole64Bits() {
        assertThat(FileId.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-lead", "has space", "a/b", "ü"})
    void tenantAndAccount_areSimpleNames(String bad) {
        assertThatThrownBy(() -> Tenant.of(bad)).hasMessageStartingWith("tenant must be");
        assertThatThrownBy(() -> AccountName.of(bad)).hasMessageStartingWith("account must be");
    }

    @Test
    void tenantAndAccount_acceptConfigStyleNames() {
        assertThat(Tenant.of("team-a.prod_1").value()).isEqualTo("team-a.prod_1");
        assertThat(AccountName.DEFAULT.value()).isEqualTo("default");
    }

    @Test
    void pageCursor_roundTrips_andRefusesForgeries() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-01-05T08:00:00.123456Z"), UUID.randomUUID());
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThatThrownBy(() -> PageCursor.decode("not-a-cursor"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cursor is not one this service handed out");
    }
}
