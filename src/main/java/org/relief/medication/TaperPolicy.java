package org.relief.medication;

import java.math.BigDecimal;

/**
 * How fast a taper goes: a reduction of {@code ratePercent} every {@code intervalMonths}, as a share of the starting
 * dose (equal steps, ending at the target) or of the current dose (ever smaller steps; needs a target above 0).
 *
 * <p>Default: 10 % of the starting dose per month, from the HHS Guide for Clinicians on the Appropriate Dosage
 * Reduction or Discontinuation of Long-Term Opioid Analgesics (2019) as issue 11 cites it ("10 % per month for
 * long-term use"). shared/CLINICAL_RULES.md has no taper rate (nothing stricter to apply). The guide's text was not
 * read here: the rate and which dose the percentage is of are UNVERIFIED and say so in the source.
 *
 * @param ratePercent the reduction per step, percent
 * @param intervalMonths months between steps
 * @param base what the percentage is of
 */
public record TaperPolicy(PolicyValue ratePercent, PolicyValue intervalMonths, Base base) {

    /** What the percentage is a share of. */
    public enum Base {
        STARTING_DOSE("of the starting dose"),
        CURRENT_DOSE("of the current dose");

        private final String label;

        Base(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final String HHS_2019 = "HHS Guide for Clinicians on the Appropriate Dosage Reduction or Discontinuation of "
            + "Long-Term Opioid Analgesics (2019): 10 % per month for long-term use " // as issue 11 cites it
            + "(primary text not read: UNVERIFIED, including whether the 10 % is of the starting or the current "
            + "dose; Relief's default: the starting dose)";

    /** 10 % of the starting dose per month (HHS 2019, as cited). */
    public static TaperPolicy defaults() {
        return new TaperPolicy(
                PolicyValue.of("taper.rate-percent", "10", "%", HHS_2019),
                PolicyValue.of("taper.interval-months", "1", "months", HHS_2019),
                Base.STARTING_DOSE);
    }

    /** "10 % of the starting dose every 1 months". */
    public String shown() {
        return ratePercent.shown() + " " + base.label() + " every " + intervalMonths.shown();
    }

    BigDecimal fraction() {
        return ratePercent.value().movePointLeft(2);
    }
}
