package org.relief.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relief.medication.DoseForm;
import org.relief.medication.Ingredient;
import org.relief.medication.Medication;
import org.relief.medication.OpioidSafety;
import org.relief.medication.Prescriber;
import org.relief.medication.Route;
import org.relief.medication.SafetyInputs;
import org.relief.medication.SigText;
import org.relief.medication.StrengthUnit;

/**
 * The opioid safety panel (issue 11: "MME and flags for a 20-medication list well under a millisecond"): MME by the
 * CDC 2022 table and every flag for 20 medications (10 opioids incl. a fentanyl patch, buprenorphine and one with no
 * factor, a benzodiazepine, a gabapentinoid, a muscle relaxant, blood thinners and others), nothing on file so every
 * "due" flag is evaluated. Run with {@code BENCH=MedicationBenchmark bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MedicationBenchmark {

    private final OpioidSafety safety = OpioidSafety.defaults();
    private List<Medication> medications;
    private SafetyInputs inputs;

    @Setup
    public void setUp() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        Prescriber dr = Prescriber.ours(java.util.UUID.fromString("00000000-0000-0000-0000-000000000007"), "Dr Patel");
        String[][] oral = {
            {"oxycodone", "10", "1 tab q4h"},
            {"morphine", "30", "1 tab bid"},
            {"hydrocodone", "10", "1 tab q6h prn, max 4/day"},
            {"tramadol", "50", "1 tab qid"},
            {"tapentadol", "50", "1 tab q6h"},
            {"methadone", "10", "1 tab tid"},
            {"hydromorphone", "2", "1 tab q4h"},
            {"meperidine", "50", "1 tab q6h"},
            {"alprazolam", "0.5", "1 tab bid"},
            {"gabapentin", "300", "1 tab tid"},
            {"cyclobenzaprine", "10", "1 tab qhs"},
            {"apixaban", "5", "1 tab bid"},
            {"naproxen", "500", "1 tab bid"},
            {"acetaminophen", "500", "2 tabs tid"},
            {"duloxetine", "60", "1 tab daily"},
            {"clopidogrel", "75", "1 tab daily"},
            {"codeine", "30", "1 tab q6h"},
            {"meloxicam", "15", "1 tab daily"}
        };
        medications = new ArrayList<>();
        for (String[] o : oral) {
            medications.add(new Medication(
                    List.of(Ingredient.of(o[0], o[1], StrengthUnit.MG)),
                    DoseForm.TABLET,
                    Route.ORAL,
                    SigText.parse(o[2]),
                    today.minusYears(1),
                    null,
                    null,
                    dr,
                    ""));
        }
        medications.add(new Medication(
                List.of(new Ingredient("fentanyl", null, new BigDecimal("25"), StrengthUnit.MCG_PER_HOUR)),
                DoseForm.PATCH,
                Route.TRANSDERMAL,
                SigText.parse("1 patch q72h"),
                today.minusYears(1),
                null,
                null,
                dr,
                ""));
        medications.add(new Medication(
                List.of(new Ingredient("buprenorphine", null, BigDecimal.TEN, StrengthUnit.MCG_PER_HOUR)),
                DoseForm.PATCH,
                Route.TRANSDERMAL,
                SigText.parse("1 patch every 7 days"),
                today.minusYears(1),
                null,
                null,
                dr,
                ""));
        inputs = SafetyInputs.nothingOnFile(today).withAge(67);
    }

    /** MME with shares and every flag for the 20-medication list. */
    @Benchmark
    public OpioidSafety.Summary mmeAndFlagsFor20Medications() {
        return safety.evaluate(medications, inputs);
    }
}
