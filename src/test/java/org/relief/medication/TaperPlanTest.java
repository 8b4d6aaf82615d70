package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/** Taper plans at the policy rate (default 10 % per month of the starting dose, HHS 2019 as issue 11 cites it). */
class TaperPlanTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);

    @Test
    void tenPercentOfTheStartingDosePerMonthTakesTenMonthsToStop() {
        TaperPlan plan = TaperPlan.of(new BigDecimal("60"), "mg/day", FIRST, BigDecimal.ZERO, TaperPolicy.defaults());
        assertThat(plan.steps()).hasSize(10);
        assertThat(plan.steps())
                .extracting(s -> s.dose().toPlainString())
                .containsExactly("54", "48", "42", "36", "30", "24", "18", "12", "6", "0");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.reduction()).isEqualByComparingTo("6"));
        assertThat(plan.steps().get(0).from()).isEqualTo(FIRST);
        assertThat(plan.steps().get(9).from()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(plan.reviewDates()).hasSize(10);
        assertThat(plan.reviewDates().get(0)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(plan.reviewDates().get(9)).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(plan.policy()).isEqualTo("10 % of the starting dose every 1 month");
        assertThat(plan.source()).contains("HHS").contains("2019").contains("UNVERIFIED");
    }

    @Test
    void aTargetAboveZeroEndsThere() {
        TaperPlan plan =
                TaperPlan.of(new BigDecimal("90"), "MME/day", FIRST, new BigDecimal("50"), TaperPolicy.defaults());
        assertThat(plan.steps())
                .extracting(s -> s.dose().toPlainString())
                .containsExactly("81", "72", "63", "54", "50");
        assertThat(plan.steps().get(4).reduction()).isEqualByComparingTo("4");
    }

    @Test
    void aShareOfTheCurrentDoseGivesSmallerStepsAndNeedsATarget() {
        TaperPolicy current = new TaperPolicy(
                TaperPolicy.defaults().ratePercent(),
                TaperPolicy.defaults().intervalMonths(),
                TaperPolicy.Base.CURRENT_DOSE);
        TaperPlan plan = TaperPlan.of(new BigDecimal("100"), "mg/day", FIRST, new BigDecimal("70"), current);
        assertThat(plan.steps()).extracting(s -> s.dose().toPlainString()).containsExactly("90", "81", "72.9", "70");
        assertThatThrownBy(() -> TaperPlan.of(new BigDecimal("100"), "mg/day", FIRST, BigDecimal.ZERO, current))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("targetDose");
    }

    @Test
    void monthEndsStayInTheirMonth() {
        TaperPlan plan = TaperPlan.of(
                new BigDecimal("20"), "mg/day", LocalDate.of(2027, 1, 31), BigDecimal.ZERO, TaperPolicy.defaults());
        assertThat(plan.steps().get(1).from()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(plan.steps().get(2).from()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void refusesBadInputNamingEachField() {
        assertThatThrownBy(() ->
                        TaperPlan.of(BigDecimal.ZERO, "mg/day", null, new BigDecimal("-1"), TaperPolicy.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("startDose", "targetDose", "firstDay"));
        assertThatThrownBy(() -> TaperPlan.of(BigDecimal.TEN, "mg/day", FIRST, BigDecimal.TEN, TaperPolicy.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsExactly(new FieldProblem("targetDose", "must be less than the starting dose")));
        TaperPolicy none = new TaperPolicy(
                PolicyValue.of("taper.rate-percent", "0", "%", "test"),
                TaperPolicy.defaults().intervalMonths(),
                TaperPolicy.Base.STARTING_DOSE);
        assertThatThrownBy(() -> TaperPlan.of(BigDecimal.TEN, "mg/day", FIRST, BigDecimal.ZERO, none))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ratePercent");
    }

    @Test
    void aRateThatWouldNeverEndIsRefused() {
        TaperPolicy tiny = new TaperPolicy(
                PolicyValue.of("taper.rate-percent", "0.01", "%", "test"),
                TaperPolicy.defaults().intervalMonths(),
                TaperPolicy.Base.STARTING_DOSE);
        assertThatThrownBy(() -> TaperPlan.of(new BigDecimal("100"), "mg/day", FIRST, BigDecimal.ZERO, tiny))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("600 steps");
    }
}
