package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.relief.procedure.rules.Facts.Allergy;

/**
 * The chart's allergy list against what the procedure uses (rules reference section 9b). A reaction to an
 * ingredient the procedure uses -> WARN naming it; iodinated contrast -> WARN with the ACR Manual's premedication /
 * avoidance reminder; a documented anaphylaxis -> BLOCK until a physician overrides with a plan. A shellfish or
 * iodine-food allergy is not a contrast allergy (ACR Manual): it never warns. Substances are read from their words
 * (the allergy list is free text); an allergy naming none of these ingredients is not this rule's concern.
 */
final class AllergyRules {

    static final String RULE = "Allergies";
    static final String SECTION = "Rules reference section 9b";
    static final String ACR = "ACR Manual on Contrast Media (American College of Radiology, current edition)";

    /** Words that name each ingredient; the first match wins, so specific names come before general ones. */
    private static final List<Words> WORDS = List.of(
            new Words(Ingredients.SKIN_PREP, "povidone|betadine|chlorhexidine"),
            new Words(
                    Ingredients.IODINATED_CONTRAST,
                    "contrast|iodinated|iohexol|omnipaque|iopamidol|isovue|"
                            + "iodixanol|visipaque|ioversol|optiray|iopromide|ultravist"),
            new Words(Ingredients.LOCAL_ANAESTHETIC, "an(a)?esthetic|caine\\b|lignocaine"),
            new Words(
                    Ingredients.CORTICOSTEROID,
                    "steroid|methylprednisolone|triamcinolone|dexamethasone|"
                            + "betamethasone|prednisone|prednisolone|hydrocortisone|kenalog|depo-medrol"),
            new Words(Ingredients.LATEX, "latex"),
            new Words(
                    Ingredients.IMPLANT_MATERIAL,
                    "cement|methacrylate|pmma|nickel|titanium|silicone|" + "polyurethane|platinum|iridium"));

    /** Shellfish and iodine in food: not a contrast allergy (ACR Manual); never warns. */
    private static final Pattern FOOD_IODINE = Pattern.compile("(?i).*(shellfish|seafood|shrimp|prawn|crab|"
            + "lobster|oyster|clam|mussel|scallop|fish|\\biodine\\b|iodized|iodised).*");

    private static final Pattern ESTER =
            Pattern.compile("(?i).*(procaine|chloroprocaine|tetracaine|benzocaine|" + "novocaine).*");
    private static final Pattern AMIDE = Pattern.compile("(?i).*(lidocaine|lignocaine|bupivacaine|ropivacaine|"
            + "mepivacaine|prilocaine|articaine|levobupivacaine|xylocaine|marcaine).*");
    private static final Pattern ANAPHYLAXIS = Pattern.compile("(?i).*anaphyla.*");

    private record Words(Ingredients ingredient, Pattern pattern) {

        Words(Ingredients ingredient, String regex) {
            this(ingredient, Pattern.compile("(?i).*(" + regex + ").*"));
        }
    }

    private AllergyRules() {}

    /** The ingredient an allergy names, if any; empty for food iodine / shellfish and for unrelated substances. */
    static Optional<Ingredients> ingredient(Allergy a) {
        String s = a.substance().toLowerCase(Locale.ROOT);
        if (s.contains("gadolin")) {
            return Optional
                    .empty(); // a gadolinium-based agent is not iodinated contrast, and no procedure here uses one
        }
        Optional<Ingredients> named = WORDS.stream()
                .filter(w -> w.pattern().matcher(s).matches())
                .map(Words::ingredient)
                .findFirst();
        if (named.isEmpty()
                || (named.get() == Ingredients.IODINATED_CONTRAST
                        && FOOD_IODINE.matcher(s).matches()
                        && !s.contains("contrast"))) {
            return Optional.empty();
        }
        return named;
    }

    static boolean foodIodine(Allergy a) {
        return ingredient(a).isEmpty() && FOOD_IODINE.matcher(a.substance()).matches();
    }

    static boolean anaphylaxis(Allergy a) {
        return ANAPHYLAXIS.matcher(a.reaction() == null ? "" : a.reaction()).matches()
                || ANAPHYLAXIS.matcher(a.substance()).matches();
    }

    static final Rule RULE_CHECK = (o, h, p) -> {
        Set<Ingredients> used = Ingredients.of(o);
        List<Outcome> found = new ArrayList<>();
        List<String> food = new ArrayList<>();
        for (Allergy a : h.allergies()) {
            if (foodIodine(a)) {
                food.add(a.substance());
                continue;
            }
            ingredient(a).filter(used::contains).ifPresent(i -> found.add(check(a, i, o)));
        }
        String foodNote = food.isEmpty()
                ? ""
                : " " + String.join(", ", food) + " allergy: not a contrast allergy " + "(ACR Manual), no warning.";
        if (found.isEmpty()) {
            return allow(
                    RULE,
                    (h.allergies().isEmpty()
                                    ? "No allergy on the chart's list."
                                    : "No allergy on the chart's list to what this procedure uses ("
                                            + String.join(
                                                    ", ",
                                                    used.stream()
                                                            .map(Ingredients::label)
                                                            .toList()) + ").")
                            + foodNote,
                    SECTION + (food.isEmpty() ? "" : "; " + ACR));
        }
        Decision worst =
                found.stream().map(Outcome::decision).max(Enum::compareTo).orElseThrow();
        String reasons = String.join(" ", found.stream().map(Outcome::reason).toList()) + foodNote;
        String sources =
                String.join("; ", found.stream().map(Outcome::source).distinct().toList());
        return new Outcome(RULE, worst, reasons, List.of(), sources);
    };

    private static Outcome check(Allergy a, Ingredients i, Facts.Order o) {
        String what = a.substance() + " (" + a.reaction()
                + (a.severity() == null ? "" : ", " + a.severity().toLowerCase(Locale.ROOT)) + ")";
        String klass = i != Ingredients.LOCAL_ANAESTHETIC
                ? ""
                : ESTER.matcher(a.substance()).matches()
                        ? " It names an ester-class local anaesthetic (the reference distinguishes amide and ester classes)."
                        : AMIDE.matcher(a.substance()).matches()
                                ? " It names an amide-class local anaesthetic (the "
                                        + "reference distinguishes amide and ester classes)."
                                : "";
        String source = i == Ingredients.IODINATED_CONTRAST ? ACR + "; " + SECTION : SECTION;
        if (anaphylaxis(a)) {
            return new Outcome(
                    RULE,
                    Decision.BLOCK,
                    "Documented anaphylaxis: " + what + ". "
                            + o.type().label() + " uses " + i.label() + "." + klass + " Blocked until the physician "
                            + "overrides with a written plan.",
                    List.of(),
                    source);
        }
        if (i == Ingredients.IODINATED_CONTRAST) {
            return new Outcome(
                    RULE,
                    Decision.WARN,
                    "Allergy to iodinated contrast on the chart: " + what + ". "
                            + o.type().label() + " uses contrast for fluoroscopic confirmation; a prior allergic-like "
                            + "reaction puts the patient at higher risk of another. Plan premedication (the ACR Manual's "
                            + "oral regimen: prednisone 50 mg 13, 7 and 1 h before, plus diphenhydramine 50 mg 1 h before) "
                            + "or avoid the agent (no contrast, or a gadolinium-based agent: clinic policy, UNVERIFIED).",
                    List.of(),
                    source);
        }
        return new Outcome(
                RULE,
                Decision.WARN,
                "Allergy to " + i.label() + " on the chart: " + what + ". "
                        + o.type().label() + " uses " + i.label() + "." + klass,
                List.of(),
                source);
    }
}
