package org.relief.shared;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a person reads for an internal code: an enum's own {@code label()} where it has one, else the wording below,
 * else the code's words in sentence case with known abbreviations kept ("HERPES_ZOSTER" -> "Herpes zoster").
 * Templates call it as {@code ${@labels.of(x)}}; stored values stay the codes.
 */
@Component("labels")
public class Labels {

    /** Wording by "EnumType.CODE" (checked first) or by the bare code. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("TestKind.EMG_NERVE_CONDUCTION", "EMG / nerve conduction study"),
            Map.entry("TestKind.DIAGNOSTIC_BLOCK", "Diagnostic block"),
            Map.entry("Finding.NOT_DONE", "not tested"),
            Map.entry("Finding.NEGATIVE", "negative"),
            Map.entry("Finding.POSITIVE", "positive"),
            Map.entry("Side.NONE", "Midline / no side"),
            Map.entry("Decision.ALLOW", "Allowed"),
            Map.entry("Decision.WARN", "Warning"),
            Map.entry("Decision.NOT_ENOUGH_DATA", "Not enough data"),
            Map.entry("Decision.BLOCK", "Blocked"),
            Map.entry("Outcome.CANDIDATE", "Candidate"),
            Map.entry("Outcome.NOT_YET", "Not yet"),
            Map.entry("Outcome.DEFER_MENTAL_HEALTH", "Mental health first"),
            Map.entry("Bearing.NOT_MET", "Not met"),
            Map.entry("Bearing.SAFETY", "Safety concern"),
            Map.entry("Guidance.NONE", "No image guidance"),
            Map.entry("Modality.XRAY", "X-ray"),
            Map.entry("Modality.DEXA", "DEXA (bone density)"),
            Map.entry("TreatmentResult.NONE", "No improvement"),
            Map.entry("TreatmentResult.PARTIAL", "Partial improvement"),
            Map.entry("TreatmentResult.GOOD", "Good improvement"),
            Map.entry("TreatmentResult.UNKNOWN", "Result not stated"),
            Map.entry("Point.TWO_WEEKS", "2 weeks"),
            Map.entry("Point.SIX_WEEKS", "6 weeks"),
            Map.entry("Point.THREE_MONTHS", "3 months"),
            Map.entry("Point.SIX_MONTHS", "6 months"),
            Map.entry("DrugClass.ANALGESIC_OTHER", "Other analgesic"),
            Map.entry("DrugClass.NSAID", "NSAID"),
            Map.entry("Clearance.CLEARED_WITH_CONDITIONS", "Cleared with conditions"),
            Map.entry("Risk.UNRATED", "Not yet rated"),
            Map.entry("Concern.SUICIDAL_IDEATION", "Suicidal ideation"),
            Map.entry("PHQ9_ITEM9", "PHQ-9 item 9 (thoughts of being better off dead or of self-harm)"),
            Map.entry("CSSRS", "C-SSRS screener"),
            Map.entry("CLINICIAN_NOTE", "Clinician's note"));

    private static final Set<String> ABBREVIATIONS = Set.of("MRI", "CT", "EMG", "ESI", "SCS", "PNS", "SIJ", "RFA",
            "MBB", "NSAID", "PHQ", "GAD", "ICD", "NRS", "PEG", "BPI", "FHIR", "MRN");

    /** The label of a code (an enum or a code string); "" for null. */
    public static String of(Object code) {
        if (code == null) {
            return "";
        }
        if (code instanceof Enum<?> e) {
            String own = ownLabel(e);
            if (own != null) {
                return own;
            }
            String words = WORDS.get(e.getDeclaringClass().getSimpleName() + "." + e.name());
            return words != null ? words : WORDS.getOrDefault(e.name(), humanize(e.name()));
        }
        String s = code.toString();
        return WORDS.getOrDefault(s, s);
    }

    /** A finding of the examination: unrecorded ("null") and NOT_DONE read "not tested". */
    public static String finding(Object finding) {
        return finding == null ? "not tested" : of(finding);
    }

    /** For templates: {@code ${@labels.label(x)}} (same as {@link #of}). */
    public String label(Object code) {
        return of(code);
    }

    /** For templates: an exam finding, "not tested" when unrecorded. */
    public String exam(Object finding) {
        return finding(finding);
    }

    /** "HERPES_ZOSTER" -> "Herpes zoster", "MRI" -> "MRI", "BONE_SCAN" -> "Bone scan". */
    public static String humanize(String code) {
        String[] words = code.split("_");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String shown = ABBREVIATIONS.contains(w) ? w : w.toLowerCase(Locale.ROOT);
            if (i == 0 && !ABBREVIATIONS.contains(w) && !shown.isEmpty()) {
                shown = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
            }
            out.append(i == 0 ? "" : " ").append(shown);
        }
        return out.toString();
    }

    private static String ownLabel(Enum<?> e) {
        try {
            Method m = e.getDeclaringClass().getMethod("label");
            return m.getReturnType() == String.class ? (String) m.invoke(e) : null;
        } catch (ReflectiveOperationException ex) {
            return null;
        }
    }
}
