package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/** Bad input of issue 11, each refused with a problem naming its field; good input passes unchanged. */
class MedicationCheckTest {

    private final MedicationCheck check = new MedicationCheck(IngredientCatalogue.defaults());

    @Test
    void acceptsAWellFormedMedication() {
        Medication m = Meds.tablet("Oxycodone", "10", "1 tab q6h prn, max 4/day");
        assertThat(check.problems(m)).isEmpty();
        assertThat(check.require(m)).isSameAs(m);
        assertThat(m.name()).isEqualTo("Oxycodone 10 mg tablet");
    }

    @Test
    void refusesAnUnknownIngredientNamingIt() {
        Medication m = Meds.tablet("oxycodeine", "10", "1 tab bid");
        assertThat(check.problems(m))
                .containsExactly(new FieldProblem("ingredients[0].name", "\"oxycodeine\" is not a known ingredient"));
    }

    @Test
    void refusesAStrengthWithNoUnit() {
        Medication m = new Medication(
                List.of(new Ingredient("morphine", null, new BigDecimal("15"), null)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("1 tab bid"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(fields(m)).containsExactly("ingredients[0].unit");
    }

    @Test
    void refusesADoseWithNoUnit() {
        Sig noUnit = new Sig(BigDecimal.ONE, null, 2, null, false, null);
        Medication m = new Medication(
                Meds.tablet("morphine", "15", "1 tab bid").ingredients(),
                DoseForm.TABLET,
                Route.ORAL,
                noUnit,
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(fields(m)).containsExactly("sig.doseUnit");
    }

    @Test
    void refusesAnAsNeededDoseWithoutAMaximum() {
        Sig prn = new Sig(BigDecimal.ONE, DoseUnit.TABLET, null, new BigDecimal("6"), true, null);
        Medication m = new Medication(
                Meds.tablet("oxycodone", "5", "1 tab bid").ingredients(),
                DoseForm.TABLET,
                Route.ORAL,
                prn,
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(check.problems(m))
                .containsExactly(new FieldProblem("sig.maxPerDay", "an as-needed dose needs a maximum per day"));
    }

    @Test
    void acceptsAnAsNeededDoseWithAMaximumAndNoFrequency() {
        Medication m = Meds.tablet("oxycodone", "5", "1 tab prn, max 4/day");
        assertThat(check.problems(m)).isEmpty();
        assertThat(m.sig().timesPerDay()).isNull();
        assertThat(m.sig().everyHours()).isNull();
    }

    @Test
    void refusesAnOpioidPatchWrittenInMg() {
        Medication m = new Medication(
                List.of(Ingredient.of("fentanyl", "25", StrengthUnit.MG)),
                DoseForm.PATCH,
                Route.TRANSDERMAL,
                SigText.parse("1 patch q72h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        List<FieldProblem> problems = check.problems(m);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("ingredients[0].unit");
        assertThat(problems.get(0).message()).contains("mcg/h").contains("not in mg");
        assertThatThrownBy(() -> check.require(m))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ingredients[0].unit");
    }

    @Test
    void refusesMcgPerHourOnATablet() {
        Medication m = new Medication(
                List.of(Ingredient.of("morphine", "25", StrengthUnit.MCG_PER_HOUR)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("1 tab bid"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(fields(m)).containsExactly("ingredients[0].unit");
    }

    @Test
    void refusesADoseUnitThatDoesNotFitTheForm() {
        Medication m = Meds.oral("morphine", "15", DoseForm.CAPSULE, "1 tab bid");
        assertThat(fields(m)).containsExactly("sig.doseUnit");
    }

    @Test
    void refusesASolutionNotWrittenInMgPerMl() {
        Medication m = Meds.oral("morphine", "10", DoseForm.SOLUTION, "5 mL q4h");
        assertThat(fields(m)).containsExactly("ingredients[0].unit");
    }

    @Test
    void refusesACombinationDosedInMg() {
        Medication m = new Medication(
                List.of(
                        Ingredient.of("hydrocodone", "10", StrengthUnit.MG),
                        Ingredient.of("acetaminophen", "325", StrengthUnit.MG)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("10 mg q6h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(fields(m)).containsExactly("sig.doseUnit");
    }

    @Test
    void refusesAMaximumAboveWhatTheFrequencyAllows() {
        Sig sig = new Sig(BigDecimal.ONE, DoseUnit.TABLET, null, new BigDecimal("6"), true, new BigDecimal("6"));
        Medication m = new Medication(
                Meds.tablet("oxycodone", "5", "1 tab bid").ingredients(),
                DoseForm.TABLET,
                Route.ORAL,
                sig,
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(check.problems(m))
                .containsExactly(new FieldProblem("sig.maxPerDay", "is more than the directions allow in a day (4)"));
    }

    @Test
    void refusesASigWithNoFrequencyOrBoth() {
        Medication none = new Medication(
                Meds.tablet("morphine", "15", "1 tab bid").ingredients(),
                DoseForm.TABLET,
                Route.ORAL,
                new Sig(BigDecimal.ONE, DoseUnit.TABLET, null, null, false, null),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        Medication both = new Medication(
                none.ingredients(),
                DoseForm.TABLET,
                Route.ORAL,
                new Sig(BigDecimal.ONE, DoseUnit.TABLET, 2, new BigDecimal("12"), false, null),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(fields(none)).containsExactly("sig.frequency");
        assertThat(fields(both)).containsExactly("sig.frequency");
    }

    @Test
    void refusesAStopBeforeTheStartAndMissingBasics() {
        Medication m = new Medication(List.of(), null, null, null, Meds.TODAY, Meds.TODAY.minusDays(1), null, null, "");
        assertThat(fields(m)).containsExactly("ingredients", "form", "route", "sig", "stop", "prescriber");
    }

    @Test
    void namesTheRightIngredientOfACombination() {
        Medication m = new Medication(
                List.of(
                        Ingredient.of("hydrocodone", "10", StrengthUnit.MG),
                        new Ingredient("acetaminophen", null, new BigDecimal("-325"), StrengthUnit.MG)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("1 tab q6h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(fields(m)).containsExactly("ingredients[1].strength");
    }

    private List<String> fields(Medication m) {
        return check.problems(m).stream().map(FieldProblem::field).toList();
    }
}
