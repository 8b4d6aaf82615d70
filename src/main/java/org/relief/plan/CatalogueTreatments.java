package org.relief.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relief.patient.PriorTreatment;
import org.relief.patient.TreatmentCatalogue;
import org.springframework.stereotype.Component;

/**
 * Reads prior treatments through the therapy catalogue, most specific first: the catalogue code the entry names,
 * then its CPT code (the catalogue's CPT lists, rules reference section 13), then its SNOMED CT code (the catalogue
 * ships none yet, so an imported SNOMED code alone is not mapped: not guessed), then the words of its name against
 * each catalogue therapy's name and the words outside records use for it ("TENS" is physical therapy care, "facet
 * rhizotomy" is radiofrequency ablation). A name naming no catalogue therapy but an operation or injection
 * ("laminectomy", "nerve block") is a procedure the rules do not know; anything else (a medication, massage) is
 * conservative care. Plain Java; a Spring bean so the chart, screen and rules share one reading.
 */
@Component
public class CatalogueTreatments implements TreatmentCatalogue {

    /** A catalogue therapy, the procedure type the words imply (null: the catalogue's), and the words. */
    private record Words(String therapyCode, String procedureType, Pattern pattern, String note) {}

    private static Words w(String code, String procedureType, String regex) {
        return w(code, procedureType, regex, "");
    }

    private static Words w(String code, String procedureType, String regex, String note) {
        return new Words(code, procedureType, Pattern.compile("(?i).*(" + regex + ").*"), note);
    }

    /**
     * Interventional procedures first (their names are the specific ones), then conservative care. Order matters:
     * a "stimulator trial" is checked before an implant, a diagnostic SIJ block before a therapeutic one, a SIJ
     * fusion before a SIJ injection.
     */
    private static final List<Words> NAMES = List.of(
            w("ESI_TF", null, "transforaminal"),
            w("ESI_CAUDAL", null, "caudal"),
            w("ESI_IL", null, "interlaminar"),
            w(
                    "ESI_IL",
                    null,
                    "epidural steroid|\\besi\\b|\\blesi\\b|epidural injection",
                    " (approach not stated: read as interlaminar)"),
            w("MBB", null, "medial branch"),
            w("RFA", null, "radiofrequency|rhizotomy|\\brfa\\b|neurotomy|ablation"),
            w("SCS_TRIAL", null, "(spinal cord|scs|stimulator).*trial"),
            w(
                    "SCS_IMPLANT",
                    "SCS_GENERATOR_REPLACEMENT",
                    "(spinal cord|\\bscs\\b|stimulator|\\bipg\\b).*"
                            + "(generator|battery).*(replace|change)|(generator|ipg|battery) (replacement|change)"),
            w("SCS_IMPLANT", null, "(spinal cord stimulat|\\bscs\\b).*(implant|permanent)|spinal cord stimulator"),
            w("PNS", "PNS_TRIAL", "peripheral nerve stimulat.*trial"),
            w("PNS", null, "peripheral nerve stimulat"),
            w("SIJ_FUSION", null, "(sacroiliac|\\bsi\\b|\\bsij\\b).*fusion"),
            w(
                    "SIJ_INJ",
                    "SIJ_DIAGNOSTIC",
                    "(sacroiliac|\\bsi\\b|\\bsij\\b).*diagnostic|diagnostic.*(sacroiliac|\\bsij\\b)"),
            w("SIJ_INJ", null, "sacroiliac|\\bsi joint|\\bsij\\b"),
            w("VERTEBRAL_AUG", null, "kyphoplasty|vertebroplasty|vertebral augmentation"),
            w("TPI", null, "trigger point"),
            w("ADHESIOLYSIS", null, "adhesiolysis|racz"),
            w(
                    "PT",
                    null,
                    "physical therap|physiotherap|\\btens\\b|transcutaneous electrical|home exercise|exercise "
                            + "programme|exercise program|rehabilitation"),
            w("CHIRO", null, "chiropract|spinal manipulation"),
            w("ACUPUNCTURE", null, "acupunct"),
            w("CBT", null, "cognitive behaviou?ral|pain psycholog|psychotherap"),
            w("MINDFULNESS", null, "mindful"),
            w(
                    "MEDICATION",
                    null,
                    "medication|nsaid|gabapentin|pregabalin|naproxen|ibuprofen|opioid|duloxetine|"
                            + "amitriptyline|muscle relaxant"));

    /** Operations and injections the catalogue does not name: procedures, not conservative care. */
    private static final Pattern OTHER_PROCEDURE = Pattern.compile("(?i).*(injection|block|ablation|stimulat|fusion|"
            + "surgery|implant|generator|laminectomy|discectomy|laminotomy|foraminotomy|arthroplasty|operation).*");

    @Override
    public Classification classify(PriorTreatment t) {
        if (t.therapyCode() != null) {
            Optional<Therapy> byCode = TherapyCatalog.byCode(t.therapyCode());
            if (byCode.isPresent()) {
                return of(byCode.get(), null, "therapy code " + t.therapyCode());
            }
        }
        if (t.cptCode() != null) {
            Optional<Therapy> byCpt = TherapyCatalog.ALL.stream()
                    .filter(x -> x.cpt().contains(t.cptCode()))
                    .findFirst();
            if (byCpt.isPresent()) {
                return of(byCpt.get(), null, "CPT " + t.cptCode());
            }
        }
        String name = t.therapy() == null ? "" : t.therapy().toLowerCase(Locale.ROOT);
        for (Words words : NAMES) {
            if (words.pattern().matcher(name).matches()) {
                return of(
                        TherapyCatalog.byCode(words.therapyCode()).orElseThrow(),
                        words.procedureType(),
                        "name '" + t.therapy() + "'" + words.note());
            }
        }
        if (OTHER_PROCEDURE.matcher(name).matches()) {
            return new Classification(
                    Kind.PROCEDURE,
                    null,
                    null,
                    null,
                    "name '" + t.therapy() + "' (a procedure " + "the catalogue does not list)");
        }
        return new Classification(
                Kind.CONSERVATIVE,
                null,
                null,
                null,
                "name '" + t.therapy() + "' (not an " + "interventional procedure)");
    }

    private static Classification of(Therapy therapy, String procedureType, String matchedBy) {
        String type = procedureType != null ? procedureType : therapy.procedureType();
        return new Classification(
                type == null ? Kind.CONSERVATIVE : Kind.PROCEDURE, therapy.code(), therapy.name(), type, matchedBy);
    }

    @Override
    public boolean knows(String code) {
        return TherapyCatalog.byCode(code).isPresent();
    }

    @Override
    public List<Option> options() {
        return TherapyCatalog.ALL.stream()
                .map(t -> new Option(t.code(), t.name()))
                .toList();
    }
}
