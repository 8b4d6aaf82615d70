package org.relief.shared;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
            Map.entry("PHQ9_ITEM9", "PHQ-9 item 9"),
            Map.entry("CSSRS", "C-SSRS screener"),
            Map.entry("CLINICIAN_NOTE", "Clinician's note"));

    private static final Set<String> ABBREVIATIONS = Set.of(
            "MRI", "CT", "EMG", "ESI", "SCS", "PNS", "SIJ", "RFA", "MBB", "NSAID", "PHQ", "GAD", "ICD", "NRS", "PEG",
            "BPI", "FHIR", "MRN");

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

    /** A code kept as text (an alert's trigger "PHQ9_ITEM9", a risk level "MODERATE"): its wording or its words. */
    public static String ofCode(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = WORDS.get(code);
        if (words != null) {
            return words;
        }
        return code.matches("[A-Z0-9_]+") ? humanize(code) : code;
    }

    /** Field names that do not read well as plain words. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("changeReason", "Reason for the change"),
            Map.entry("steroidMg", "Steroid dose (mg)"),
            Map.entry("basedOnVersion", "Plan version you started from"),
            Map.entry("icd10Code", "ICD-10-CM code"),
            Map.entry("snomedCode", "SNOMED CT code"),
            Map.entry("rxnormCode", "RxNorm code"),
            Map.entry("preNrs", "Pain before (NRS 0-10)"),
            Map.entry("postNrs", "Pain after (NRS 0-10)"),
            Map.entry("nrs", "Pain now (NRS 0-10)"),
            Map.entry("reliefPercent", "Relief (%)"),
            Map.entry("reliefLastedWeeks", "Relief lasted (weeks)"),
            Map.entry("reliefHours", "Relief lasted (hours)"),
            Map.entry("ownerId", "owner"),
            Map.entry("therapyCode", "therapy"),
            Map.entry("administeredOn", "Date given"),
            Map.entry("plannedDate", "Planned date"),
            Map.entry("start", "Start date"),
            Map.entry("end", "End date"),
            Map.entry("staffId", "Acts as"),
            Map.entry("orderId", "Order it was done under (reference)"),
            Map.entry("procedureId", "Procedure followed up (reference)"));

    /** A list element in a form field's name: "therapies[0]". */
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)]");

    /**
     * A form field's name in words: "therapies[0].startDate" -> "Therapy 1: start date", "steroidMg" ->
     * "Steroid dose (mg)". For error messages shown to a person.
     */
    public static String field(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.")) {
            java.util.regex.Matcher m = INDEXED.matcher(part);
            String words;
            if (m.matches()) {
                String noun = words(m.group(1));
                noun = noun.endsWith("ies")
                        ? noun.substring(0, noun.length() - 3) + "y"
                        : noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
                words = noun + " " + (Integer.parseInt(m.group(2)) + 1);
            } else {
                words = FIELDS.getOrDefault(part, words(part));
            }
            out.append(
                    out.length() == 0
                            ? words
                            : ": " + words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1));
        }
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    private static String words(String camel) {
        String w = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** For templates: {@code ${@labels.fieldName(name)}} (see {@link #field}). */
    public String fieldName(String name) {
        return field(name);
    }

    /** For templates: {@code ${@labels.code(text)}} (see {@link #ofCode}). */
    public String code(String code) {
        return ofCode(code);
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
        Method m = LABEL_METHOD.get(e.getDeclaringClass()).orElse(null);
        if (m == null) {
            return null;
        }
        try {
            return (String) m.invoke(e);
        } catch (ReflectiveOperationException ex) {
            return null;
        }
    }

    /**
     * Each enum type's own {@code String label()}, looked up once per type: looking it up on every call (and, for a
     * type without one, building a NoSuchMethodException each time) showed in the chart page's profile (issue 16).
     */
    private static final ClassValue<Optional<Method>> LABEL_METHOD = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("label");
                return m.getReturnType() == String.class ? Optional.of(m) : Optional.empty();
            } catch (NoSuchMethodException ex) {
                return Optional.empty();
            }
        }
    };
}
