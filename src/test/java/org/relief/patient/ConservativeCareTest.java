package org.relief.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.plan.CatalogueTreatments;
import org.relief.record.Versioned;

/** Conservative care documented as failed: computed once from the prior treatments, through the catalogue. */
class ConservativeCareTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final TreatmentCatalogue catalogue = new CatalogueTreatments();

    @Test
    void failedConservativeTreatmentsCountAndProceduresDoNot() {
        var care = ConservativeCare.of(
                List.of(
                        v(t(
                                "Physical therapy after lumbar surgery",
                                TODAY.minusWeeks(30),
                                TODAY.minusWeeks(18),
                                TreatmentResult.NONE)),
                        v(t("TENS unit", TODAY.minusWeeks(10), TODAY.minusWeeks(6), TreatmentResult.PARTIAL)),
                        v(t(
                                "Lumbar transforaminal epidural steroid injection",
                                TODAY.minusWeeks(5),
                                TODAY.minusWeeks(5),
                                TreatmentResult.NONE)),
                        v(t("Chiropractic care", TODAY.minusWeeks(40), TODAY.minusWeeks(20), TreatmentResult.GOOD))),
                catalogue,
                TODAY);
        assertThat(care.longestWeeks()).isEqualTo(12);
        assertThat(care.failed())
                .extracting(ConservativeCare.Failed::therapy)
                .containsExactly("Physical therapy after lumbar surgery", "TENS unit");
        assertThat(care.describe())
                .isEqualTo("Physical therapy after lumbar surgery (no improvement, 12 weeks), "
                        + "TENS unit (partial improvement, 4 weeks)");
    }

    @Test
    void anOngoingTreatmentRunsToTodayAndNoneMeansNone() {
        var ongoing = ConservativeCare.of(
                List.of(v(t("Home exercise programme", TODAY.minusWeeks(7), null, TreatmentResult.PARTIAL))),
                catalogue,
                TODAY);
        assertThat(ongoing.longestWeeks()).isEqualTo(7);
        var none = ConservativeCare.of(
                List.of(v(t("Lumbar medial branch block", TODAY.minusWeeks(7), null, TreatmentResult.NONE))),
                catalogue,
                TODAY);
        assertThat(none.any()).isFalse();
        assertThat(none.longestWeeks()).isZero();
        assertThat(none.describe()).isEmpty();
    }

    private static PriorTreatment t(String therapy, LocalDate start, LocalDate end, TreatmentResult result) {
        return new PriorTreatment(therapy, start, end, null, result, null, null);
    }

    private static Versioned<PriorTreatment> v(PriorTreatment t) {
        return new Versioned<>(UUID.randomUUID(), 1, false, null, null, "dr.patel", Instant.now(), t);
    }
}
