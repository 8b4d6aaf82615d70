package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.Documentation.Point;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.Policy;
import org.relief.procedure.rules.ProcedureType;
import org.relief.record.Versioned;

class RetreatmentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final Policy policy = new Policy(Map.of(
            "rfa.repeat-interval-months", value("rfa.repeat-interval-months", 6, "months"),
            "rfa.repeat-relief-percent", value("rfa.repeat-relief-percent", 50, "%"),
            "rfa.repeat-relief-weeks", value("rfa.repeat-relief-weeks", 26, "weeks")));

    @Test
    void fadedReliefAfterAGoodResponsePromptsWithTheAllowedDate() {
        var rfa = performed(TODAY.minusMonths(7));
        var prompts = Retreatment.prompts(
                List.of(rfa),
                List.of(
                        followUp(rfa.entryId(), TODAY.minusMonths(6), 80, 4),
                        followUp(rfa.entryId(), TODAY.minusMonths(1), 20, 28)),
                policy,
                TODAY);
        assertThat(prompts).singleElement().satisfies(p -> {
            assertThat(p.allowedFrom()).isEqualTo(TODAY.minusMonths(1));
            assertThat(p.responseQualifies()).isTrue();
            assertThat(p.text())
                    .contains("80%")
                    .contains("20%")
                    .contains("allowed now")
                    .contains("lasted 28 weeks");
        });
    }

    @Test
    void noPromptWhileReliefHoldsOrWhenItNeverHelped() {
        var rfa = performed(TODAY.minusMonths(3));
        assertThat(Retreatment.prompts(
                        List.of(rfa),
                        List.of(
                                followUp(rfa.entryId(), TODAY.minusMonths(2), 80, 4),
                                followUp(rfa.entryId(), TODAY, 60, 12)),
                        policy,
                        TODAY))
                .isEmpty();
        assertThat(Retreatment.prompts(
                        List.of(rfa),
                        List.of(
                                followUp(rfa.entryId(), TODAY.minusMonths(2), 30, 2),
                                followUp(rfa.entryId(), TODAY, 10, 2)),
                        policy,
                        TODAY))
                .isEmpty();
    }

    @Test
    void earlyFadeIsPromptedWithTheFutureDateAndANonQualifyingResponse() {
        var rfa = performed(TODAY.minusMonths(3));
        var prompts = Retreatment.prompts(
                List.of(rfa),
                List.of(followUp(rfa.entryId(), TODAY.minusMonths(2), 70, 4), followUp(rfa.entryId(), TODAY, 10, 10)),
                policy,
                TODAY);
        assertThat(prompts).singleElement().satisfies(p -> {
            assertThat(p.allowedFrom()).isEqualTo(TODAY.plusMonths(3));
            assertThat(p.responseQualifies()).isFalse();
        });
    }

    private static Versioned<Performed> performed(LocalDate on) {
        return new Versioned<>(
                UUID.randomUUID(),
                1,
                false,
                null,
                null,
                "t",
                Instant.now(),
                new Performed(
                        null,
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        on,
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        2,
                        7,
                        3,
                        null,
                        null,
                        Documentation.Guidance.FLUOROSCOPY,
                        null));
    }

    private static Versioned<FollowUp> followUp(UUID rfa, LocalDate on, int relief, Integer weeks) {
        return new Versioned<>(
                UUID.randomUUID(),
                1,
                false,
                null,
                null,
                "t",
                Instant.now(),
                new FollowUp(rfa, Point.OTHER, on, relief, weeks, null));
    }

    private static Policy.Value value(String key, int v, String unit) {
        return new Policy.Value(key, BigDecimal.valueOf(v), unit, "test", 1);
    }
}
