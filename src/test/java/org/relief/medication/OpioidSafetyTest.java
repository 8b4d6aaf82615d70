package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/** The opioid safety flags of shared/CLINICAL_RULES.md §10 (CDC 2022) with their edges; none ever blocks. */
class OpioidSafetyTest {

    private static final java.util.UUID STAFF = java.util.UUID.fromString("00000000-0000-0000-0000-000000000007");

    private static final LocalDate TODAY = Meds.TODAY;

    private final OpioidSafety safety = OpioidSafety.defaults();

    /** PDMP, urine drug test, agreement and naloxone all on file: only the MME and combination flags remain. */
    private static SafetyInputs allOnFile() {
        return SafetyInputs.nothingOnFile(TODAY)
                .withPdmpCheck(TODAY.minusMonths(1))
                .withUrineDrugTest(TODAY.minusMonths(1))
                .withAgreement(true)
                .withNaloxoneOffered(TODAY.minusDays(3));
    }

    private List<String> codes(List<Medication> meds, SafetyInputs in) {
        return safety.evaluate(meds, in).flags().stream().map(Flag::code).toList();
    }

    @Test
    void theIssuesExampleRaisesEveryWarningItShould() {
        // issue 11: "oxycodone 10 mg every 4 hours with alprazolam and apixaban raises no warning" (today)
        List<Medication> meds = List.of(
                Meds.tablet("oxycodone", "10", "1 tab q4h"),
                Meds.tablet("alprazolam", "0.5", "1 tab bid"),
                Meds.tablet("apixaban", "5", "1 tab bid"));
        OpioidSafety.Summary s = safety.evaluate(meds, SafetyInputs.nothingOnFile(TODAY));
        assertThat(s.mme().total()).isEqualByComparingTo("90");
        assertThat(s.flags())
                .extracting(Flag::code)
                .containsExactly(
                        "MME_50",
                        "MME_90",
                        "OPIOID_BENZODIAZEPINE",
                        "NALOXONE_NOT_OFFERED",
                        "PDMP_CHECK_DUE",
                        "UDT_DUE",
                        "TREATMENT_AGREEMENT_MISSING");
        assertThat(s.flags()).allSatisfy(f -> {
            assertThat(f.blocks()).isFalse();
            assertThat(f.reasonRequired()).isTrue();
            assertThat(f.text()).isNotBlank();
            assertThat(f.source()).isNotBlank();
        });
        Flag high = s.flags().get(1);
        assertThat(high.text())
                .isEqualTo("Total 90 MME/day (CDC 2022) is at or above 90 MME/day: avoid, or "
                        + "document the justification.");
        assertThat(high.source())
                .contains("CDC Clinical Practice Guideline 2022")
                .doesNotContain("CLINICAL_RULES")
                .doesNotContain("§");
        // clinicians see the published source only, never the developers' reference file
        assertThat(s.flags())
                .allSatisfy(f ->
                        assertThat(f.source()).doesNotContain("CLINICAL_RULES").doesNotContain("issue 11"));
        assertThat(high.policyValues()).containsExactly("90 MME/day");
        assertThat(s.flags().get(2).text()).contains("alprazolam");
    }

    @Test
    void aHundredMmeWithABenzodiazepine() {
        List<Medication> meds = List.of(
                Meds.oral("morphine", "50", DoseForm.ER_TABLET, "1 tab bid"),
                Meds.tablet("lorazepam", "1", "1 tab qhs"));
        OpioidSafety.Summary s = safety.evaluate(meds, allOnFile());
        assertThat(s.mme().totalShown()).isEqualTo("100");
        assertThat(s.flags()).extracting(Flag::code).containsExactly("MME_50", "MME_90", "OPIOID_BENZODIAZEPINE");
    }

    @ParameterizedTest(name = "morphine {0} mg bid = {1} MME/day -> {2}")
    @CsvSource({
        "24.5, 49, ''",
        "24.995, 49.99, ''",
        "25, 50, MME_50",
        "44.5, 89, MME_50",
        "44.995, 89.99, MME_50",
        "45, 90, MME_50 MME_90",
        "60, 120, MME_50 MME_90"
    })
    void mmeFlagsFireAtExactlyFiftyAndNinety(String mg, String mme, String expected) {
        OpioidSafety.Summary s = safety.evaluate(List.of(Meds.tablet("morphine", mg, "1 tab bid")), allOnFile());
        assertThat(s.mme().total()).isEqualByComparingTo(mme);
        assertThat(String.join(" ", s.flags().stream().map(Flag::code).toList()))
                .isEqualTo(expected);
    }

    @Test
    void exactlyFiftyAndNinetyFromOtherFactorsAndCombinations() {
        // oxycodone 15 mg q6h: 60 mg x 1.5 = 90
        assertThat(codes(List.of(Meds.tablet("oxycodone", "15", "1 tab q6h")), allOnFile()))
                .containsExactly("MME_50", "MME_90");
        // tramadol 50 mg qid: 200 x 0.2 = 40, plus tapentadol 25 mg daily: 25 x 0.4 = 10 -> 50
        assertThat(codes(
                        List.of(
                                Meds.tablet("tramadol", "50", "1 tab qid"),
                                Meds.tablet("tapentadol", "25", "1 tab daily")),
                        allOnFile()))
                .containsExactly("MME_50");
        // fentanyl 25 mcg/h: 60, plus oxycodone 10 mg bid: 20 x 1.5 = 30 -> 90
        OpioidSafety.Summary s = safety.evaluate(
                List.of(Meds.patch("fentanyl", "25", "1 patch q72h"), Meds.tablet("oxycodone", "10", "1 tab bid")),
                allOnFile());
        assertThat(s.mme().total()).isEqualByComparingTo("90");
        assertThat(s.flags()).extracting(Flag::code).containsExactly("MME_50", "MME_90");
    }

    @Test
    void gabapentinoidsAndOtherCnsDepressantsAreFlaggedApart() {
        List<Medication> meds = List.of(
                Meds.tablet("tramadol", "50", "1 tab bid"),
                Meds.oral("pregabalin", "75", DoseForm.CAPSULE, "1 cap bid"),
                Meds.tablet("cyclobenzaprine", "10", "1 tab qhs"));
        assertThat(codes(meds, allOnFile())).containsExactly("OPIOID_GABAPENTINOID", "OPIOID_CNS_DEPRESSANT");
    }

    @Test
    void withoutAnOpioidThereAreNoFlags() {
        List<Medication> meds = List.of(
                Meds.tablet("alprazolam", "0.5", "1 tab bid"),
                Meds.oral("gabapentin", "300", DoseForm.CAPSULE, "1 cap tid"));
        OpioidSafety.Summary s =
                safety.evaluate(meds, SafetyInputs.nothingOnFile(TODAY).withAge(80));
        assertThat(s.flags()).isEmpty();
        assertThat(s.mme().lines()).isEmpty();
    }

    @Test
    void onlyMedicationsTakenTodayCount() {
        Medication stopped = Meds.started(Meds.tablet("oxycodone", "30", "1 tab q4h"), TODAY.minusYears(1), TODAY);
        Medication future = Meds.started(Meds.tablet("morphine", "60", "1 tab bid"), TODAY.plusDays(1), null);
        Medication benzo = Meds.tablet("diazepam", "5", "1 tab bid");
        OpioidSafety.Summary s = safety.evaluate(List.of(stopped, future, benzo), SafetyInputs.nothingOnFile(TODAY));
        assertThat(s.mme().lines()).isEmpty();
        assertThat(s.flags()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "age 65, 65, false, false, false, true",
        "age 64, 64, false, false, false, false",
        "age unknown, , false, false, false, false",
        "overdose or SUD history, 40, true, false, false, true",
        "sleep apnoea, 40, false, true, false, true",
        "renal or hepatic failure, 40, false, false, true, true"
    })
    void naloxoneTriggersOfSection10(
            String name, Integer age, boolean sud, boolean apnoea, boolean organ, boolean flagged) {
        SafetyInputs in = allOnFile().withNaloxoneOffered(null).withAge(age).withRisks(sud, apnoea, organ);
        List<String> codes = codes(List.of(Meds.tablet("tramadol", "50", "1 tab bid")), in); // 20 MME
        assertThat(codes.contains("NALOXONE_NOT_OFFERED")).isEqualTo(flagged);
        assertThat(codes(List.of(Meds.tablet("tramadol", "50", "1 tab bid")), in.withNaloxoneOffered(TODAY)))
                .doesNotContain("NALOXONE_NOT_OFFERED");
    }

    @Test
    void naloxoneAtFiftyMmeAndTheFlagSaysWhy() {
        SafetyInputs in = allOnFile().withNaloxoneOffered(null).withAge(70);
        Flag f = safety.evaluate(List.of(Meds.tablet("morphine", "25", "1 tab bid")), in).flags().stream()
                .filter(x -> x.code().equals("NALOXONE_NOT_OFFERED"))
                .findFirst()
                .orElseThrow();
        assertThat(f.text()).contains("50 MME/day (>= 50 MME/day)").contains("age 70 (>= 65 years)");
        assertThat(codes(
                        List.of(Meds.tablet("morphine", "24.5", "1 tab bid")),
                        allOnFile().withNaloxoneOffered(null)))
                .doesNotContain("NALOXONE_NOT_OFFERED");
    }

    @Test
    void pdmpCheckIsDueWithNoneOnFileAndOnTheDayItTurnsThreeMonths() {
        List<Medication> meds = List.of(Meds.tablet("tramadol", "50", "1 tab bid"));
        assertThat(codes(meds, allOnFile().withPdmpCheck(null))).containsExactly("PDMP_CHECK_DUE");
        assertThat(codes(meds, allOnFile().withPdmpCheck(TODAY.minusMonths(3)))).containsExactly("PDMP_CHECK_DUE");
        assertThat(codes(meds, allOnFile().withPdmpCheck(TODAY.minusMonths(3).plusDays(1))))
                .isEmpty();
        Flag due = safety.evaluate(meds, allOnFile().withPdmpCheck(TODAY.minusMonths(4)))
                .flags()
                .get(0);
        assertThat(due.text()).contains("the last was on 2026-07-24").contains("every 3 months");
        assertThat(due.source()).contains("at least every 3 months");
    }

    @Test
    void urineDrugTestIsDueAtLeastYearly() {
        List<Medication> meds = List.of(Meds.tablet("tramadol", "50", "1 tab bid"));
        assertThat(codes(meds, allOnFile().withUrineDrugTest(null))).containsExactly("UDT_DUE");
        assertThat(codes(meds, allOnFile().withUrineDrugTest(TODAY.minusMonths(12))))
                .containsExactly("UDT_DUE");
        assertThat(codes(
                        meds,
                        allOnFile().withUrineDrugTest(TODAY.minusMonths(12).plusDays(1))))
                .isEmpty();
        assertThat(safety.evaluate(meds, allOnFile().withUrineDrugTest(null))
                        .flags()
                        .get(0)
                        .source())
                .contains("recommendation 10")
                .contains("UNVERIFIED");
    }

    @Test
    void treatmentAgreementOnFileClearsItsFlag() {
        List<Medication> meds = List.of(Meds.tablet("tramadol", "50", "1 tab bid"));
        assertThat(codes(meds, allOnFile().withAgreement(false))).containsExactly("TREATMENT_AGREEMENT_MISSING");
        assertThat(codes(meds, allOnFile())).isEmpty();
    }

    @Test
    void buprenorphineAloneStillRaisesTheMonitoringAndCombinationFlags() {
        List<Medication> meds = List.of(
                Meds.patch("buprenorphine", "10", "1 patch every 7 days"),
                Meds.tablet("alprazolam", "0.5", "1 tab bid"));
        OpioidSafety.Summary s = safety.evaluate(meds, allOnFile().withPdmpCheck(null));
        assertThat(s.mme().total()).isEqualByComparingTo("0");
        assertThat(s.flags()).extracting(Flag::code).containsExactly("OPIOID_BENZODIAZEPINE", "PDMP_CHECK_DUE");
    }

    @Test
    void anIncompleteTotalFlagsOnItsLowerBoundAndSaysAtLeast() {
        List<Medication> meds =
                List.of(Meds.tablet("oxycodone", "10", "1 tab q4h"), Meds.tablet("levorphanol", "2", "1 tab q6h"));
        OpioidSafety.Summary s = safety.evaluate(meds, allOnFile());
        assertThat(s.flags()).extracting(Flag::code).containsExactly("MME_50", "MME_90");
        assertThat(s.flags().get(0).text()).startsWith("Total at least 90 MME/day (CDC 2022)");
    }

    @Test
    void aClinicMayLowerTheHighThresholdAndTheSourceSaysSo() {
        OpioidPolicy mine = OpioidPolicy.defaults().with(OpioidPolicy.MME_HIGH, new BigDecimal("80"), "payer contract");
        OpioidSafety s = new OpioidSafety(IngredientCatalogue.defaults(), ConversionTable.cdc2022(), mine);
        Flag high = s.evaluate(List.of(Meds.tablet("morphine", "40", "1 tab bid")), allOnFile())
                .flags()
                .get(1);
        assertThat(high.code()).isEqualTo("MME_90");
        assertThat(high.policyValues()).containsExactly("80 MME/day");
        assertThat(high.source()).startsWith("clinic policy (payer contract)");
    }

    @Test
    void aClinicsValueMustBeSensibleAndGiveAReason() {
        OpioidPolicy p = OpioidPolicy.defaults();
        assertThatThrownBy(() -> p.with(OpioidPolicy.PDMP_MONTHS, new BigDecimal("2.5"), "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("value: must be a whole number");
        assertThatThrownBy(() -> p.with(OpioidPolicy.MME_REASSESS, BigDecimal.ZERO, "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("value: must be more than 0");
        assertThatThrownBy(() -> p.with(OpioidPolicy.MME_REASSESS, BigDecimal.TEN, " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        assertThat(p.with(OpioidPolicy.MME_REASSESS, new BigDecimal("40.5"), "payer")
                        .get(OpioidPolicy.MME_REASSESS)
                        .shown())
                .isEqualTo("40.5 MME/day");
    }

    @Test
    void aFlagIsAcknowledgedWithAReasonNeverWithout() {
        Flag f = safety.evaluate(List.of(Meds.tablet("oxycodone", "10", "1 tab q4h")), allOnFile())
                .flags()
                .get(1);
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        FlagAcknowledgement ack = f.acknowledge("  stable for years, function improved  ", STAFF, at);
        assertThat(ack.code()).isEqualTo("MME_90");
        assertThat(ack.reason()).isEqualTo("stable for years, function improved");
        assertThatThrownBy(() -> f.acknowledge(" ", STAFF, at))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("reason"));
        assertThatThrownBy(() -> new Flag("X", "x", "s", List.of(), true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
