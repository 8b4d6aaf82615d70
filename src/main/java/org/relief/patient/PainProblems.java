package org.relief.patient;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.record.Versioned;

/**
 * Reads the problem list for the rules: which problems are pain problems, when the pain began, whether a specific
 * cause is named. Pain problems are ICD-10-CM musculoskeletal (M), pain not elsewhere classified (G89), nerve,
 * root and plexus disorders (G50-G59), headache (G43, G44) and pain unspecified (R52): Relief's own reading of the
 * problem list, not a clinical threshold. Problems coded only in SNOMED CT (imported) are not read here.
 */
public final class PainProblems {

    static final List<String> PAIN_PREFIXES = List.of("M", "G89", "G5", "G43", "G44", "R52");
    /** Codes that say "chronic pain" without naming its cause. */
    static final Set<String> NONSPECIFIC = Set.of("G89.0", "G89.21", "G89.22", "G89.28", "G89.29", "G89.4", "R52");

    private PainProblems() {}

    /** Active (not resolved) pain problems. */
    public static List<Problem> active(List<Versioned<Problem>> problems) {
        return problems.stream()
                .map(Versioned::data)
                .filter(p -> p.clinicalStatus() != ClinicalStatus.RESOLVED)
                .filter(p -> p.icd10Code() != null)
                .filter(p ->
                        PAIN_PREFIXES.stream().anyMatch(prefix -> p.icd10Code().startsWith(prefix)))
                .toList();
    }

    /** The earliest onset among active pain problems, or null when none has an onset date. */
    public static LocalDate onset(List<Versioned<Problem>> problems) {
        return active(problems).stream()
                .map(Problem::onsetDate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Whether an active pain problem names a cause (is not one of the "chronic pain" codes). */
    public static boolean specificCauseNamed(List<Versioned<Problem>> problems) {
        return active(problems).stream().anyMatch(p -> !NONSPECIFIC.contains(p.icd10Code()));
    }
}
