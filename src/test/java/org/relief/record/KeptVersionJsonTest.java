package org.relief.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.Problem;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A kept version's JSON is exactly what Jackson writes without keeping, and a new version is written anew. */
class KeptVersionJsonTest {

    private final JsonMapper plain = JsonMapper.builder().build();
    private final JsonMapper keeping = JsonMapper.builder()
            .addModule(new KeptVersionJson().keptVersionJsonModule(DataSize.ofMegabytes(1)))
            .build();

    private static Versioned<Problem> problem(UUID id, int version, String description) {
        return new Versioned<>(
                id,
                version,
                false,
                null,
                version > 1 ? "clearer wording" : null,
                "dr.patel",
                Instant.parse("2026-11-20T10:15:30Z"),
                new Problem("M54.16", description, LocalDate.of(2024, 3, 1), ClinicalStatus.ACTIVE));
    }

    @Test
    void theKeptJsonIsJacksonsOwnInEveryPlaceAVersionAppears() {
        UUID id = UUID.randomUUID();
        Object answer = Map.of(
                "one", problem(id, 1, "Lumbar radiculopathy \"L5\" – ünïcode"),
                "list",
                        List.of(
                                problem(id, 1, "Lumbar radiculopathy \"L5\" – ünïcode"),
                                problem(UUID.randomUUID(), 3, "b")));
        String expected = plain.writeValueAsString(answer);
        assertThat(keeping.writeValueAsString(answer)).isEqualTo(expected); // written and kept
        assertThat(keeping.writeValueAsString(answer)).isEqualTo(expected); // from what was kept
        assertThat(new String(keeping.writeValueAsBytes(answer), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(expected); // the UTF-8 path, as the HTTP answers are written
    }

    @Test
    void aCorrectionIsANewVersionAndIsWrittenAnew() {
        UUID id = UUID.randomUUID();
        assertThat(keeping.writeValueAsString(problem(id, 1, "first wording"))).contains("first wording");
        String corrected = keeping.writeValueAsString(problem(id, 2, "second wording"));
        assertThat(corrected)
                .contains("second wording")
                .contains("\"version\":2")
                .doesNotContain("first wording");
    }

    @Test
    void anIndentedAnswerIsIndentedAndNotTakenFromTheKeptText() {
        UUID id = UUID.randomUUID();
        keeping.writeValueAsString(problem(id, 1, "x")); // kept, unindented
        String indented = keeping.writer()
                .with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(List.of(problem(id, 1, "x")));
        assertThat(indented)
                .isEqualTo(plain.writer()
                        .with(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(List.of(problem(id, 1, "x"))));
    }

    @Test
    void nothingIsKeptWithACacheOfZero() {
        JsonMapper none = JsonMapper.builder()
                .addModule(new KeptVersionJson().keptVersionJsonModule(DataSize.ofBytes(0)))
                .build();
        UUID id = UUID.randomUUID();
        assertThat(none.writeValueAsString(problem(id, 1, "y")))
                .isEqualTo(plain.writeValueAsString(problem(id, 1, "y")));
    }

    record Note(List<String> lines) {}

    @Test
    void aVersionWrittenAgainIsTakenFromWhatWasKept() {
        // a version never changes; here its content is changed behind the store's back to see which text is written
        List<String> lines = new java.util.ArrayList<>(List.of("as first written"));
        Versioned<Note> v =
                new Versioned<>(UUID.randomUUID(), 1, false, null, null, "dr.patel", Instant.EPOCH, new Note(lines));
        String first = keeping.writeValueAsString(v);
        lines.set(0, "changed afterwards");
        assertThat(keeping.writeValueAsString(v)).isEqualTo(first).contains("as first written");
        assertThat(plain.writeValueAsString(v)).contains("changed afterwards");
    }
}
