package org.relief.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.Problem;

/**
 * The naloxone risk factors besides age and dose that shared/CLINICAL_RULES.md §10 lists (CDC 2022: overdose or
 * substance use disorder history, sleep apnoea, renal or hepatic failure), read from the problem list by ICD-10-CM
 * code. Which codes stand for which factor is Relief's reading of the ICD-10-CM category titles (a clinical review is
 * pending, see docs/clinical-rules.md), never a guess from free text:
 *
 * <ul>
 * <li>overdose or substance use disorder history, any status (a history counts): F10-F16, F18, F19 (mental and
 * behavioural disorders due to psychoactive substance use; F17, nicotine dependence, is left out), T40 (poisoning by
 * narcotics and psychodysleptics);</li>
 * <li>sleep apnoea, active or recurring: G47.3 (sleep apnea);</li>
 * <li>renal failure, active or recurring: N17 (acute kidney failure), N18.5 and N18.6 (chronic kidney disease stage 5,
 * end stage renal disease), N19 (unspecified kidney failure);</li>
 * <li>hepatic failure, active or recurring: K72 (hepatic failure), K70.4 (alcoholic hepatic failure).</li>
 * </ul>
 * A problem coded only in SNOMED CT is not read (no reviewed map); the panel says which factors were found and how.
 */
public final class NaloxoneRiskFactors {

    /** What was found: each factor with the problems that show it. */
    public record Found(List<String> overdoseOrSubstanceUse, List<String> sleepApnoea, List<String> renalOrHepatic) {

        public boolean any() {
            return !overdoseOrSubstanceUse.isEmpty() || !sleepApnoea.isEmpty() || !renalOrHepatic.isEmpty();
        }
    }

    private NaloxoneRiskFactors() {}

    public static Found read(List<Problem> problems) {
        List<String> sud = new ArrayList<>();
        List<String> apnoea = new ArrayList<>();
        List<String> organ = new ArrayList<>();
        for (Problem p : problems) {
            String code = p.icd10Code() == null
                    ? ""
                    : p.icd10Code().toUpperCase(Locale.ROOT).strip();
            if (code.isEmpty()) {
                continue;
            }
            String shown = p.description() + " (" + code + ")";
            boolean current =
                    p.clinicalStatus() == ClinicalStatus.ACTIVE || p.clinicalStatus() == ClinicalStatus.RECURRENCE;
            if (substanceUseOrOverdose(code)) {
                sud.add(shown);
            } else if (current && code.startsWith("G47.3")) {
                apnoea.add(shown);
            } else if (current && (renalFailure(code) || hepaticFailure(code))) {
                organ.add(shown);
            }
        }
        return new Found(List.copyOf(sud), List.copyOf(apnoea), List.copyOf(organ));
    }

    static boolean substanceUseOrOverdose(String code) {
        String category = code.length() >= 3 ? code.substring(0, 3) : code;
        return category.equals("T40")
                || (category.compareTo("F10") >= 0 && category.compareTo("F19") <= 0 && !category.equals("F17"));
    }

    static boolean renalFailure(String code) {
        return code.startsWith("N17") || code.startsWith("N18.5") || code.startsWith("N18.6") || code.startsWith("N19");
    }

    static boolean hepaticFailure(String code) {
        return code.startsWith("K72") || code.startsWith("K70.4");
    }
}
