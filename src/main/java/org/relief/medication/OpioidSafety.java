package org.relief.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The opioid safety panel's rules: total daily MME with each opioid's share ({@link MmeCalculator}) and the flags of
 * shared/CLINICAL_RULES.md §10 (CDC Clinical Practice Guideline 2022), each with its code, text, source and the
 * policy values it used. Flags never block; each asks for an acknowledgement with a reason ({@link Flag}).
 *
 * <ul>
 * <li>{@code MME_50}: total >= 50 MME/day: reassess, offer naloxone.</li>
 * <li>{@code MME_90}: total >= 90 MME/day: avoid or document the justification (MME_50 still applies).</li>
 * <li>{@code OPIOID_BENZODIAZEPINE}, {@code OPIOID_GABAPENTINOID}, {@code OPIOID_CNS_DEPRESSANT}: an opioid taken with
 * a benzodiazepine, a gabapentinoid, or another CNS depressant (§10 "or other CNS depressant, incl.
 * gabapentinoids"; which drugs are which is the {@link IngredientCatalogue}'s data).</li>
 * <li>{@code NALOXONE_NOT_OFFERED}: a naloxone trigger of §10 applies (>= 50 MME/day, overdose or substance-use
 * disorder history, sleep apnoea, renal or hepatic failure, age >= 65) and no offer is recorded.</li>
 * <li>{@code PDMP_CHECK_DUE}: no PDMP check on file (§10: at the first opioid prescription), or the last one is at
 * least 3 months old (§10: at least every 3 months). Due on the day it turns 3 months.</li>
 * <li>{@code UDT_DUE}: no urine drug test on file, or the last one at least 12 months old (issue 11, citing CDC 2022
 * recommendation 10; the interval is not in the rules reference: UNVERIFIED).</li>
 * <li>{@code TREATMENT_AGREEMENT_MISSING}: no treatment agreement on file (the clinic's practice as issue 11
 * describes it; no number).</li>
 * </ul>
 * Only medications taken on the evaluated day count; with no opioid taken, there are no flags.
 */
public final class OpioidSafety {

    private final IngredientCatalogue catalogue;
    private final MmeCalculator calculator;
    private final ConversionTable table;
    private final OpioidPolicy policy;

    public OpioidSafety(IngredientCatalogue catalogue, ConversionTable table, OpioidPolicy policy) {
        this.catalogue = catalogue;
        this.table = table;
        this.calculator = new MmeCalculator(catalogue, table);
        this.policy = policy;
    }

    /** The defaults: Relief's catalogue, the CDC 2022 table and the default policy values. */
    public static OpioidSafety defaults() {
        return new OpioidSafety(IngredientCatalogue.defaults(), ConversionTable.cdc2022(), OpioidPolicy.defaults());
    }

    /**
     * The panel: MME and flags.
     *
     * @param mme the MME result (table name, total, lines)
     * @param tableSource the conversion table's source
     * @param flags the flags that apply, in a fixed order
     */
    public record Summary(MmeCalculator.Result mme, String tableSource, List<Flag> flags) {

        public boolean hasFlag(String code) {
            return flags.stream().anyMatch(f -> f.code().equals(code));
        }
    }

    /** Evaluates the medications taken on {@code inputs.today()}. */
    public Summary evaluate(List<Medication> medications, SafetyInputs inputs) {
        LocalDate today = inputs.today();
        List<Medication> taken =
                medications.stream().filter(m -> m.takenOn(today)).toList();
        MmeCalculator.Result mme = calculator.calculate(taken);
        List<Flag> flags = new ArrayList<>();
        if (!mme.lines().isEmpty()) {
            mmeFlags(mme, flags);
            combinationFlags(taken, flags);
            naloxone(mme, inputs, flags);
            due(inputs, flags);
        }
        return new Summary(mme, table.source(), List.copyOf(flags));
    }

    private void mmeFlags(MmeCalculator.Result mme, List<Flag> flags) {
        PolicyValue reassess = policy.get(OpioidPolicy.MME_REASSESS);
        PolicyValue high = policy.get(OpioidPolicy.MME_HIGH);
        String total = mme.totalShown() + " MME/day (" + mme.table() + ")";
        if (mme.total().compareTo(reassess.value()) >= 0) {
            flags.add(Flag.of(
                    "MME_50",
                    "Total " + total + " is at or above " + reassess.shown()
                            + ": reassess benefits and risks; offer naloxone.",
                    reassess.source(),
                    reassess));
        }
        if (mme.total().compareTo(high.value()) >= 0) {
            flags.add(Flag.of(
                    "MME_90",
                    "Total " + total + " is at or above " + high.shown() + ": avoid, or document the justification.",
                    high.source(),
                    high));
        }
    }

    private void combinationFlags(List<Medication> taken, List<Flag> flags) {
        String source = OpioidPolicy.CDC_2022 + ": opioid with a benzodiazepine or other CNS depressant "
                + "(incl. gabapentinoids), caution"; // shared/CLINICAL_RULES.md §10
        Set<String> benzos = ingredients(taken, DrugClass.BENZODIAZEPINE);
        Set<String> gabapentinoids = ingredients(taken, DrugClass.GABAPENTINOID);
        Set<String> others = ingredients(taken, DrugClass.OTHER_CNS_DEPRESSANT);
        if (!benzos.isEmpty()) {
            flags.add(Flag.of(
                    "OPIOID_BENZODIAZEPINE",
                    "Opioid taken with a benzodiazepine (" + String.join(", ", benzos)
                            + "): caution, the combination raises the risk of overdose.",
                    source));
        }
        if (!gabapentinoids.isEmpty()) {
            flags.add(Flag.of(
                    "OPIOID_GABAPENTINOID",
                    "Opioid taken with a gabapentinoid ("
                            + String.join(", ", gabapentinoids) + "): caution, the combination raises the risk of "
                            + "respiratory depression.",
                    source));
        }
        if (!others.isEmpty()) {
            flags.add(Flag.of(
                    "OPIOID_CNS_DEPRESSANT",
                    "Opioid taken with another CNS depressant (" + String.join(", ", others) + "): caution.",
                    source));
        }
    }

    private void naloxone(MmeCalculator.Result mme, SafetyInputs in, List<Flag> flags) {
        if (in.naloxoneOffered() != null) {
            return;
        }
        PolicyValue reassess = policy.get(OpioidPolicy.MME_REASSESS);
        PolicyValue age = policy.get(OpioidPolicy.NALOXONE_AGE);
        List<String> why = new ArrayList<>();
        if (mme.total().compareTo(reassess.value()) >= 0) {
            why.add(mme.totalShown() + " MME/day (>= " + reassess.shown() + ")");
        }
        if (in.overdoseOrSubstanceUseHistory()) {
            why.add("overdose or substance use disorder history");
        }
        if (in.sleepApnoea()) {
            why.add("sleep apnoea");
        }
        if (in.renalOrHepaticFailure()) {
            why.add("renal or hepatic failure");
        }
        if (in.age() != null && BigDecimal.valueOf(in.age()).compareTo(age.value()) >= 0) {
            why.add("age " + in.age() + " (>= " + age.shown() + ")");
        }
        if (!why.isEmpty()) {
            flags.add(Flag.of(
                    "NALOXONE_NOT_OFFERED",
                    "Naloxone not offered: offer it and record the offer (" + String.join("; ", why) + ").",
                    OpioidPolicy.CDC_2022 + ": offer naloxone at >= 50 MME/day and "
                            + "for overdose or substance use disorder history, sleep apnoea, renal or hepatic failure, "
                            + "age >= 65", // shared/CLINICAL_RULES.md §10
                    reassess,
                    age));
        }
    }

    private void due(SafetyInputs in, List<Flag> flags) {
        PolicyValue pdmp = policy.get(OpioidPolicy.PDMP_MONTHS);
        PolicyValue udt = policy.get(OpioidPolicy.UDT_MONTHS);
        if (in.lastPdmpCheck() == null) {
            flags.add(Flag.of(
                    "PDMP_CHECK_DUE",
                    "PDMP check due: none on file (check at the first opioid " + "prescription and at least every "
                            + pdmp.shown() + ").",
                    pdmp.source(),
                    pdmp));
        } else if (!in.today().isBefore(in.lastPdmpCheck().plusMonths(pdmp.integer()))) {
            flags.add(Flag.of(
                    "PDMP_CHECK_DUE",
                    "PDMP check due: the last was on " + in.lastPdmpCheck() + " (at least every " + pdmp.shown() + ").",
                    pdmp.source(),
                    pdmp));
        }
        if (in.lastUrineDrugTest() == null) {
            flags.add(Flag.of(
                    "UDT_DUE",
                    "Urine drug test due: none on file (at least every " + udt.shown() + ").",
                    udt.source(),
                    udt));
        } else if (!in.today().isBefore(in.lastUrineDrugTest().plusMonths(udt.integer()))) {
            flags.add(Flag.of(
                    "UDT_DUE",
                    "Urine drug test due: the last was on " + in.lastUrineDrugTest() + " (at least every " + udt.shown()
                            + ").",
                    udt.source(),
                    udt));
        }
        if (!in.treatmentAgreementOnFile()) {
            flags.add(Flag.of(
                    "TREATMENT_AGREEMENT_MISSING",
                    "No opioid treatment agreement on file.",
                    "the clinic's practice (treatment agreement on file); no clinical number"));
        }
    }

    private Set<String> ingredients(List<Medication> taken, DrugClass drugClass) {
        Set<String> names = new LinkedHashSet<>();
        for (Medication m : taken) {
            for (Ingredient i : m.ingredients()) {
                if (i != null && catalogue.classOf(i.name()) == drugClass) {
                    names.add(IngredientCatalogue.key(i.name()));
                }
            }
        }
        return names;
    }
}
