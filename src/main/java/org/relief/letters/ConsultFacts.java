package org.relief.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a consult letter states: the signed evaluation (exam, tests, the psychological evaluation's conclusion,
 * diagnoses) and the latest signed plan, with the chart's recorded entries (the referral, the questionnaires with
 * their bands, the active medications); never an unsigned evaluation or a plan proposal not yet signed. Kept with every version of the letter, so a signed letter says what was on
 * record when it was signed.
 */
public record ConsultFacts(
        String patientName,
        LocalDate birthDate,
        String mrn,
        String referringClinician,
        String referringPractice,
        LocalDate referralDate,
        String referralReason,
        UUID episodeId,
        String evaluationSignedBy,
        LocalDate evaluationSignedOn,
        List<Line> exam,
        List<Line> tests,
        List<InstrumentLine> instruments,
        List<DiagnosisLine> diagnoses,
        Integer planVersion,
        LocalDate planSignedOn,
        List<TherapyLine> therapies,
        List<GoalLine> goals,
        List<String> medications) {

    /** A finding in words. */
    public record Line(String label, String text) {}

    /** An instrument's latest score with its band. */
    public record InstrumentLine(String name, LocalDate on, String score, String band) {}

    /** A diagnosis: its label first, the ICD-10-CM code beside it, and whether it is confirmed. */
    public record DiagnosisLine(String label, String code, String certainty) {}

    /** A goal of the signed plan: in words, with its target date where set. */
    public record GoalLine(String text, LocalDate targetDate) {}

    /** A therapy of the signed plan in words. */
    public record TherapyLine(
            String name, String owner, String frequency, String duration, LocalDate start, String whatToExpect) {}
}
