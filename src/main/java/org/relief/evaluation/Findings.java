package org.relief.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.relief.shared.CrossFieldChecked;

/** The evaluation's findings, each a versioned chart entry. */
public final class Findings {

    private Findings() {}

    /** A physical examination test result. */
    public enum Finding {
        NOT_DONE,
        NEGATIVE,
        POSITIVE
    }

    public enum TestKind {
        IMAGING,
        EMG_NERVE_CONDUCTION,
        LAB,
        DIAGNOSTIC_BLOCK,
        OTHER
    }

    /** The psychological evaluation's conclusion. */
    public enum Clearance {
        CLEARED,
        CLEARED_WITH_CONDITIONS,
        NOT_CLEARED
    }

    public enum Certainty {
        WORKING,
        CONFIRMED
    }

    /** One session's history and pain description. */
    public record Session(
            @NotNull UUID episodeId,
            @NotNull @PastOrPresent LocalDate sessionDate,
            @Size(max = 4000) String history,
            @Size(max = 500) String painSites,
            @Size(max = 500) String painCharacter,
            @Size(max = 500) String onset,
            @Size(max = 500) String aggravatingFactors,
            @Size(max = 500) String relievingFactors) {}

    /**
     * The structured physical exam: range of motion, neurological exam, straight-leg raise each side, the six
     * sacroiliac provocation tests (FABER, Gaenslen, thigh thrust, compression, distraction, Yeoman), facet loading
     * and trigger-point findings.
     */
    public record Exam(
            @NotNull UUID episodeId,
            @NotNull @PastOrPresent LocalDate examDate,
            @Size(max = 2000) String rangeOfMotion,
            @Size(max = 2000) String neurologicalExam,
            Finding straightLegRaiseLeft,
            Finding straightLegRaiseRight,
            Finding faber,
            Finding gaenslen,
            Finding thighThrust,
            Finding compression,
            Finding distraction,
            Finding yeoman,
            Finding facetLoading,
            @Min(0) @Max(99) Integer triggerPointsFound,
            @Size(max = 2000) String triggerPointFindings) {

        /** How many of the six sacroiliac provocation tests were positive (the SIJ rules count them). */
        public int positiveSacroiliacTests() {
            return (int) Stream.of(faber, gaenslen, thighThrust, compression, distraction, yeoman)
                    .filter(f -> f == Finding.POSITIVE)
                    .count();
        }
    }

    /** A diagnostic test ordered and its result; diagnostic blocks carry % relief and how long it lasted. */
    @CrossFieldChecked.Valid
    public record DiagnosticTest(
            @NotNull UUID episodeId,
            @NotNull TestKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotNull @PastOrPresent LocalDate orderedOn,
            @PastOrPresent LocalDate resultedOn,
            @Size(max = 4000) String result,
            @Size(max = 200) String blockTarget,
            @Min(0) @Max(100) Integer reliefPercent,
            @Min(0) @Max(10000) Integer reliefHours)
            implements CrossFieldChecked {

        @Override
        public Map<String, String> crossFieldProblems() {
            Map<String, String> problems = new LinkedHashMap<>();
            if (kind != TestKind.DIAGNOSTIC_BLOCK && (reliefPercent != null || reliefHours != null)) {
                problems.put("reliefPercent", "relief is recorded for diagnostic blocks only");
            }
            if (kind == TestKind.DIAGNOSTIC_BLOCK && (blockTarget == null || blockTarget.isBlank())) {
                problems.put("blockTarget", "say which nerve or joint was blocked (e.g. L4-L5 medial branches, left)");
            }
            return problems;
        }
    }

    /** The psychological evaluation's conclusion, visible to the whole team. */
    @CrossFieldChecked.Valid
    public record PsychEvaluation(
            @NotNull UUID episodeId,
            @NotNull @PastOrPresent LocalDate evaluatedOn,
            @NotNull Clearance conclusion,
            @Size(max = 2000) String conditions)
            implements CrossFieldChecked {

        @Override
        public Map<String, String> crossFieldProblems() {
            return conclusion == Clearance.CLEARED_WITH_CONDITIONS && (conditions == null || conditions.isBlank())
                    ? Map.of("conditions", "state the conditions of the clearance")
                    : Map.of();
        }
    }

    /** The full psychotherapy note: mental health staff only. */
    public record PsychotherapyNote(
            @NotNull UUID episodeId,
            @NotNull @PastOrPresent LocalDate noteDate,
            @NotBlank @Size(max = 20000) String note) {}

    /** A working or confirmed diagnosis in ICD-10-CM. */
    public record Diagnosis(
            @NotNull UUID episodeId,

            @NotBlank
            @Pattern(
                    regexp = "^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$",
                    message = "must be an ICD-10-CM code such as M54.50")
            String icd10Code,

            @NotBlank @Size(max = 300) String description,
            @NotNull Certainty certainty) {}
}
