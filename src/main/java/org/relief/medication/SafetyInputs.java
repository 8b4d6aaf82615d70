package org.relief.medication;

import java.time.LocalDate;

/**
 * What the opioid safety evaluation needs besides the medication list: the day, the checks on file and the patient's
 * naloxone risk factors (shared/CLINICAL_RULES.md §10: overdose or substance-use-disorder history, sleep apnoea, renal
 * or hepatic failure, age >= 65). Plain values: the caller reads them from the chart.
 *
 * @param today the day evaluated
 * @param lastPdmpCheck the last prescription drug monitoring programme check, or null if none on file
 * @param lastUrineDrugTest the last urine drug test, or null if none on file
 * @param naloxoneOffered when naloxone was last offered (and recorded), or null if never
 * @param treatmentAgreementOnFile a signed opioid treatment agreement is on file
 * @param age the patient's age in years, or null if not known
 * @param overdoseOrSubstanceUseHistory a history of overdose or substance use disorder
 * @param sleepApnoea sleep apnoea
 * @param renalOrHepaticFailure renal or hepatic failure
 */
public record SafetyInputs(
        LocalDate today,
        LocalDate lastPdmpCheck,
        LocalDate lastUrineDrugTest,
        LocalDate naloxoneOffered,
        boolean treatmentAgreementOnFile,
        Integer age,
        boolean overdoseOrSubstanceUseHistory,
        boolean sleepApnoea,
        boolean renalOrHepaticFailure) {

    /** Nothing on file and no risk factor known: every "due" flag applies. */
    public static SafetyInputs nothingOnFile(LocalDate today) {
        return new SafetyInputs(today, null, null, null, false, null, false, false, false);
    }

    public SafetyInputs withPdmpCheck(LocalDate on) {
        return new SafetyInputs(
                today,
                on,
                lastUrineDrugTest,
                naloxoneOffered,
                treatmentAgreementOnFile,
                age,
                overdoseOrSubstanceUseHistory,
                sleepApnoea,
                renalOrHepaticFailure);
    }

    public SafetyInputs withUrineDrugTest(LocalDate on) {
        return new SafetyInputs(
                today,
                lastPdmpCheck,
                on,
                naloxoneOffered,
                treatmentAgreementOnFile,
                age,
                overdoseOrSubstanceUseHistory,
                sleepApnoea,
                renalOrHepaticFailure);
    }

    public SafetyInputs withNaloxoneOffered(LocalDate on) {
        return new SafetyInputs(
                today,
                lastPdmpCheck,
                lastUrineDrugTest,
                on,
                treatmentAgreementOnFile,
                age,
                overdoseOrSubstanceUseHistory,
                sleepApnoea,
                renalOrHepaticFailure);
    }

    public SafetyInputs withAgreement(boolean onFile) {
        return new SafetyInputs(
                today,
                lastPdmpCheck,
                lastUrineDrugTest,
                naloxoneOffered,
                onFile,
                age,
                overdoseOrSubstanceUseHistory,
                sleepApnoea,
                renalOrHepaticFailure);
    }

    public SafetyInputs withAge(Integer years) {
        return new SafetyInputs(
                today,
                lastPdmpCheck,
                lastUrineDrugTest,
                naloxoneOffered,
                treatmentAgreementOnFile,
                years,
                overdoseOrSubstanceUseHistory,
                sleepApnoea,
                renalOrHepaticFailure);
    }

    public SafetyInputs withRisks(boolean overdoseOrSud, boolean apnoea, boolean renalOrHepatic) {
        return new SafetyInputs(
                today,
                lastPdmpCheck,
                lastUrineDrugTest,
                naloxoneOffered,
                treatmentAgreementOnFile,
                age,
                overdoseOrSud,
                apnoea,
                renalOrHepatic);
    }
}
