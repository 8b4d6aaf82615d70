package org.relief.medication;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * The numbers of the opioid safety flags, each a {@link PolicyValue} with its source; {@link #defaults()} are those
 * of shared/CLINICAL_RULES.md §10 and of the sources issue 11 cites. A clinic overrides one with {@link #with}.
 */
public final class OpioidPolicy {

    public static final String MME_REASSESS = "opioid.mme-reassess";
    public static final String MME_HIGH = "opioid.mme-high";
    public static final String PDMP_MONTHS = "opioid.pdmp-check-months";
    public static final String UDT_MONTHS = "opioid.urine-drug-test-months";
    public static final String NALOXONE_AGE = "opioid.naloxone-age";

    static final String CDC_2022 = "CDC Clinical Practice Guideline 2022 (MMWR Recomm Rep 71(3))";
    // The internal reference behind these numbers is shared/CLINICAL_RULES.md §10 (issue 11 for the urine drug test
    // interval); the sources shown to clinicians name only the published guideline.

    private final Map<String, PolicyValue> values;

    private OpioidPolicy(Map<String, PolicyValue> values) {
        this.values = Map.copyOf(values);
    }

    /** The defaults with their sources. */
    public static OpioidPolicy defaults() {
        Map<String, PolicyValue> v = new LinkedHashMap<>();
        for (PolicyValue p : List.of(
                PolicyValue.of(
                        MME_REASSESS, "50", "MME/day", CDC_2022 + ": >= 50 MME/day, reassess and offer naloxone"),
                PolicyValue.of(
                        MME_HIGH, "90", "MME/day", CDC_2022 + ": >= 90 MME/day, avoid or document the justification"),
                PolicyValue.of(
                        PDMP_MONTHS,
                        "3",
                        "months",
                        CDC_2022 + ": check the prescription drug monitoring "
                                + "programme at the first opioid prescription and at least every 3 months"),
                PolicyValue.of(
                        UDT_MONTHS,
                        "12",
                        "months",
                        CDC_2022 + ", recommendation 10: urine drug testing at least yearly (interval "
                                + "UNVERIFIED: the guideline's text was not read)"),
                PolicyValue.of(NALOXONE_AGE, "65", "years", CDC_2022 + ": offer naloxone at age >= 65"))) {
            v.put(p.key(), p);
        }
        return new OpioidPolicy(v);
    }

    /**
     * A copy with one value changed by the clinic (the reason joins its source). Refused with a problem naming
     * "value" unless above 0 (months and years: whole numbers), or "reason" when none is given.
     */
    public OpioidPolicy with(String key, BigDecimal value, String reason) {
        boolean whole = !key.equals(MME_REASSESS) && !key.equals(MME_HIGH);
        if (value == null
                || value.signum() <= 0
                || (whole && value.stripTrailingZeros().scale() > 0)) {
            throw new InvalidInputException(List.of(
                    new FieldProblem("value", whole ? "must be a whole number above 0" : "must be more than 0")));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "say why the clinic changes it")));
        }
        Map<String, PolicyValue> copy = new LinkedHashMap<>(values);
        copy.put(key, get(key).overriddenBy(value, reason));
        return new OpioidPolicy(copy);
    }

    public PolicyValue get(String key) {
        PolicyValue v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no opioid policy value '" + key + "'");
        }
        return v;
    }

    public java.util.Collection<PolicyValue> values() {
        return values.values();
    }
}
