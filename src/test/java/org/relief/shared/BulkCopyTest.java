package org.relief.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BulkCopyTest {

    private static String text(Object value) {
        StringBuilder out = new StringBuilder();
        BulkCopy.append(out, value);
        return out.toString();
    }

    @Test
    void nullIsCopysNullMarkerAndTextKeepsItsSeparatorsEscaped() {
        assertThat(text(null)).isEqualTo("\\N");
        // a literal \N typed by someone stays text, not null
        assertThat(text("\\N")).isEqualTo("\\\\N");
        assertThat(text("a\tb\nc\rd")).isEqualTo("a\\tb\\nc\\rd");
        assertThat(text("{\"note\":\"say \\\"no\\\"\"}")).isEqualTo("{\"note\":\"say \\\\\"no\\\\\"\"}");
        assertThat(text("Ødegård, Zoë")).isEqualTo("Ødegård, Zoë");
    }

    @Test
    void valuesAreWrittenInTheFormPostgresReadsBack() {
        UUID id = UUID.fromString("8b0c4f4e-0f6e-4c1a-9d6b-1f2e3d4c5b6a");
        assertThat(text(id)).isEqualTo("8b0c4f4e-0f6e-4c1a-9d6b-1f2e3d4c5b6a");
        assertThat(text(42)).isEqualTo("42");
        assertThat(text(7L)).isEqualTo("7");
        assertThat(text(true)).isEqualTo("t");
        assertThat(text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(text(java.sql.Date.valueOf(LocalDate.of(1961, 4, 2)))).isEqualTo("1961-04-02");
        Instant at = Instant.parse("2026-11-28T09:00:00Z");
        // an instant, whatever the JVM's time zone (the columns are timestamptz)
        assertThat(text(Timestamp.from(at))).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(text(at)).isEqualTo("2026-11-28T09:00:00Z");
    }

    @Test
    void aValueWithoutATextFormIsRefused() {
        assertThatThrownBy(() -> text(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
