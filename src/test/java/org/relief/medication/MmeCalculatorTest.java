package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.medication.MmeCalculator.Line;
import org.relief.medication.MmeCalculator.Result;
import org.relief.medication.MmeCalculator.Status;

/**
 * MME/day by the CDC 2022 factors of shared/CLINICAL_RULES.md §10 (MMWR Recomm Rep 71(3)): each factor, the
 * transdermal fentanyl and methadone rows, buprenorphine excluded, unknown factors "not computable" (never 0), PRN
 * at its maximum, combinations with each one's share. Expected figures are worked by hand from the §10 factors.
 */
class MmeCalculatorTest {

    private final MmeCalculator cdc = new MmeCalculator(IngredientCatalogue.defaults(), ConversionTable.cdc2022());

    @ParameterizedTest(name = "{0} {1} mg \"{2}\" = {3} mg/day x {4} = {5} MME")
    @CsvSource({
        "codeine,       30, 1 tab q6h,  120, 0.15, 18",
        "tramadol,      50, 1 tab qid,  200, 0.2,  40",
        "tapentadol,    50, 1 tab q6h,  200, 0.4,  80",
        "hydrocodone,   10, 1 tab q6h,  40,  1.0,  40",
        "morphine,      30, 1 tab bid,  60,  1.0,  60",
        "oxycodone,     10, 1 tab q4h,  60,  1.5,  90",
        "oxymorphone,   10, 1 tab bid,  20,  3.0,  60",
        "hydromorphone, 2,  1 tab q4h,  12,  5.0,  60",
        "methadone,     10, 1 tab tid,  30,  4.7,  141"
    })
    void eachOralFactorOfTheCdc2022Table(
            String opioid, String mg, String sig, String dailyMg, String factor, String mme) {
        Result r = cdc.calculate(List.of(Meds.tablet(opioid, mg, sig)));
        Line line = r.lines().get(0);
        assertThat(line.status()).isEqualTo(Status.COUNTED);
        assertThat(line.dailyDose()).isEqualByComparingTo(dailyMg);
        assertThat(line.dailyDoseUnit()).isEqualTo("mg/day");
        assertThat(line.factor()).isEqualByComparingTo(factor);
        assertThat(line.mme()).isEqualByComparingTo(mme);
        assertThat(r.total()).isEqualByComparingTo(mme);
        assertThat(r.table()).isEqualTo("CDC 2022");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void methadoneHasOneFactorIn2022WhateverTheDose() {
        assertThat(cdc.calculate(List.of(Meds.tablet("methadone", "5", "1 tab bid")))
                        .total())
                .isEqualByComparingTo("47");
        assertThat(cdc.calculate(List.of(Meds.tablet("methadone", "40", "1 tab bid")))
                        .total())
                .isEqualByComparingTo("376");
    }

    @Test
    void fentanylPatchCountsItsMcgPerHourTimesTwoPointFourWhateverTheChangeInterval() {
        Result r = cdc.calculate(List.of(Meds.patch("fentanyl", "25", "1 patch q72h")));
        Line line = r.lines().get(0);
        assertThat(line.dailyDose()).isEqualByComparingTo("25");
        assertThat(line.dailyDoseUnit()).isEqualTo("mcg/h");
        assertThat(line.factor()).isEqualByComparingTo("2.4");
        assertThat(r.total()).isEqualByComparingTo("60");
        assertThat(cdc.calculate(List.of(Meds.patch("fentanyl", "50", "2 patches q48h")))
                        .total())
                .isEqualByComparingTo("240");
    }

    @Test
    void buprenorphineIsNotConvertedAndShownAsSuch() {
        Medication patch = Meds.patch("buprenorphine", "10", "1 patch every 7 days");
        Medication film = new Medication(
                List.of(
                        Ingredient.of("buprenorphine", "8", StrengthUnit.MG),
                        Ingredient.of("naloxone", "2", StrengthUnit.MG)),
                DoseForm.FILM,
                Route.SUBLINGUAL,
                SigText.parse("1 film sl daily"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        Result r = cdc.calculate(List.of(patch, film, Meds.tablet("morphine", "15", "1 tab bid")));
        assertThat(r.lines())
                .extracting(Line::status)
                .containsExactly(Status.EXCLUDED, Status.EXCLUDED, Status.COUNTED);
        assertThat(r.lines().get(0).mme()).isNull();
        assertThat(r.lines().get(0).note()).contains("excluded");
        assertThat(r.total()).isEqualByComparingTo("30");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void anOpioidWithNoFactorIsNotComputableNeverZero() {
        Result r = cdc.calculate(
                List.of(Meds.tablet("meperidine", "50", "1 tab q6h"), Meds.tablet("oxycodone", "10", "1 tab q4h")));
        Line meperidine = r.lines().get(0);
        assertThat(meperidine.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(meperidine.mme()).isNull();
        assertThat(meperidine.status().label()).isEqualTo("MME not computable");
        assertThat(meperidine.note()).isEqualTo("no conversion factor for meperidine in CDC 2022");
        assertThat(r.complete()).isFalse();
        assertThat(r.total()).isEqualByComparingTo("90");
        assertThat(r.totalShown()).isEqualTo("at least 90");
    }

    @Test
    void aRouteTheTableHasNoFactorForIsNotComputable() {
        Medication iv = Meds.with(Meds.oral("morphine", "2", DoseForm.INJECTION, "2 mg q4h"), Route.INTRAVENOUS);
        Line line = cdc.calculate(List.of(iv)).lines().get(0);
        assertThat(line.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(line.note()).isEqualTo("CDC 2022 gives no factor for morphine taken intravenous");
        Medication buccalFentanyl = new Medication(
                List.of(Ingredient.of("fentanyl", "200", StrengthUnit.MCG)),
                DoseForm.FILM,
                Route.BUCCAL,
                SigText.parse("1 film q6h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(cdc.calculate(List.of(buccalFentanyl)).lines().get(0).status())
                .isEqualTo(Status.NOT_COMPUTABLE);
    }

    @Test
    void asNeededCountsItsMaximumPerDay() {
        Line line = cdc.calculate(List.of(Meds.tablet("oxycodone", "5", "1 tab q6h prn, max 3/day")))
                .lines()
                .get(0);
        assertThat(line.dailyDose()).isEqualByComparingTo("15");
        assertThat(line.mme()).isEqualByComparingTo("22.5");
        assertThat(line.note()).contains("counted at its maximum of 3 a day");
    }

    @Test
    void asNeededWithoutAFrequencyCountsItsMaximumToo() {
        Line line = cdc.calculate(List.of(Meds.tablet("hydrocodone", "5", "1 tab prn, max 6/day")))
                .lines()
                .get(0);
        assertThat(line.mme()).isEqualByComparingTo("30");
    }

    @Test
    void anIngredientMissingFromTheCatalogueMakesTheTotalIncomplete() {
        IngredientCatalogue withoutTramadol = IngredientCatalogue.read(new StringReader("oxycodone;OPIOID;\n"));
        Result r = new MmeCalculator(withoutTramadol, ConversionTable.cdc2022())
                .calculate(List.of(
                        Meds.tablet("oxycodone", "10", "1 tab q4h"), Meds.tablet("Tramadol", "50", "1 tab qid")));
        assertThat(r.total()).isEqualByComparingTo("90");
        assertThat(r.unrecognised()).containsExactly("Tramadol");
        assertThat(r.complete()).isFalse();
        assertThat(r.totalShown()).isEqualTo("at least 90");
    }

    @Test
    void aCombinationProductCountsItsOpioidOnly() {
        Medication norco = new Medication(
                List.of(
                        Ingredient.of("hydrocodone", "10", StrengthUnit.MG),
                        Ingredient.of("acetaminophen", "325", StrengthUnit.MG)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("1 tab q6h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        Result r = cdc.calculate(List.of(norco));
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0).ingredient()).isEqualTo("hydrocodone");
        assertThat(r.total()).isEqualByComparingTo("40");
    }

    @Test
    void solutionsCountMgPerMlTimesMl() {
        Medication solution = new Medication(
                List.of(Ingredient.of("morphine", "2", StrengthUnit.MG_PER_ML)),
                DoseForm.SOLUTION,
                Route.ORAL,
                SigText.parse("5 mL q4h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(cdc.calculate(List.of(solution)).total()).isEqualByComparingTo("60");
        Medication mcg = new Medication(
                List.of(Ingredient.of("hydromorphone", "500", StrengthUnit.MCG)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("2 tabs q6h"),
                Meds.STARTED,
                null,
                null,
                Meds.DR,
                "");
        assertThat(cdc.calculate(List.of(mcg)).total()).isEqualByComparingTo("20");
    }

    @Test
    void combinationsAddUpWithEachShare() {
        Result r = cdc.calculate(List.of(
                Meds.tablet("oxycodone", "10", "1 tab q4h"),
                Meds.patch("fentanyl", "25", "1 patch q72h"),
                Meds.tablet("acetaminophen", "500", "2 tabs tid")));
        assertThat(r.total()).isEqualByComparingTo("150");
        assertThat(r.lines())
                .extracting(Line::sharePercent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("60.0"), new BigDecimal("40.0"));
        assertThat(r.totalShown()).isEqualTo("150");
    }

    @Test
    void nonOpioidsAreNotLines() {
        Result r = cdc.calculate(List.of(Meds.oral("gabapentin", "300", DoseForm.CAPSULE, "1 cap tid")));
        assertThat(r.lines()).isEmpty();
        assertThat(r.total()).isEqualByComparingTo("0");
        assertThat(r.complete()).isTrue();
    }

    /** §10: older tables are still in use (hydromorphone 4; methadone tiered 4/8/10/12; tramadol 0.1). */
    @Test
    void anOlderTableLoadsWithTieredMethadone() {
        ConversionTable old = ConversionTable.read(new StringReader("""
                # name: older table (tiered methadone)
                # source: shared/CLINICAL_RULES.md section 10, older tables
                hydromorphone;ORAL;MG;4;;
                tramadol;ORAL;MG;0.1;;
                methadone;ORAL;MG;4;20;
                methadone;ORAL;MG;8;40;
                methadone;ORAL;MG;10;60;
                methadone;ORAL;MG;12;;
                """));
        MmeCalculator calc = new MmeCalculator(IngredientCatalogue.defaults(), old);
        assertThat(calc.calculate(List.of(Meds.tablet("methadone", "10", "1 tab bid")))
                        .total())
                .isEqualByComparingTo("80");
        assertThat(calc.calculate(List.of(Meds.tablet("methadone", "10", "1 tab tid")))
                        .total())
                .isEqualByComparingTo("240");
        assertThat(calc.calculate(List.of(Meds.tablet("methadone", "20", "1 tab tid")))
                        .total())
                .isEqualByComparingTo("600");
        assertThat(calc.calculate(List.of(Meds.tablet("methadone", "61", "1 tab daily")))
                        .total())
                .isEqualByComparingTo("732");
        assertThat(calc.calculate(List.of(Meds.tablet("hydromorphone", "2", "1 tab q4h")))
                        .total())
                .isEqualByComparingTo("48");
        Result oxy = calc.calculate(List.of(Meds.tablet("oxycodone", "10", "1 tab q4h")));
        assertThat(oxy.table()).isEqualTo("older table (tiered methadone)");
        assertThat(oxy.lines().get(0).status()).isEqualTo(Status.NOT_COMPUTABLE);
    }

    @Test
    void aClinicMayOverrideOneFactorUnderANewTableName() {
        ConversionTable mine = ConversionTable.cdc2022()
                .withEntry(
                        "CDC 2022, clinic-modified",
                        "test override",
                        new ConversionTable.Entry(
                                "tramadol",
                                EnumSet.of(Route.ORAL),
                                ConversionTable.Basis.MG,
                                List.of(new ConversionTable.Tier(null, new BigDecimal("0.1"))),
                                ""));
        Result r = new MmeCalculator(IngredientCatalogue.defaults(), mine)
                .calculate(List.of(Meds.tablet("tramadol", "50", "1 tab qid")));
        assertThat(r.total()).isEqualByComparingTo("20");
        assertThat(r.table()).isEqualTo("CDC 2022, clinic-modified");
        assertThat(mine.source()).contains("test override");
        assertThat(ConversionTable.cdc2022().entry("tramadol").orElseThrow().factorFor(BigDecimal.TEN))
                .isEqualByComparingTo("0.2");
    }
}
