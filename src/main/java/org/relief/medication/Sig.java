package org.relief.medication;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The directions as data: how much per dose, how often (a number of times per day OR every N hours), whether as
 * needed, and for an as-needed sig the most per day (in the dose's unit). "1 tab q6h prn, max 4/day" is
 * {@code Sig(1, TABLET, null, 6, true, 4)}. {@link SigText} reads and writes the words; {@link MedicationCheck}
 * names what is missing.
 *
 * @param doseQuantity how many dose units per dose (1 tablet, 10 mL, 1 patch)
 * @param doseUnit the unit of one dose
 * @param timesPerDay regular doses per day (bid = 2), or null when {@code everyHours} is given (both may be null
 *     for an as-needed sig with a maximum per day)
 * @param everyHours the interval in hours (q6h = 6, a 3-day patch = 72), or null when {@code timesPerDay} is given
 * @param asNeeded PRN
 * @param maxPerDay for PRN: the most dose units per day ("max 4/day" = 4); may be given for a regular sig too
 */
public record Sig(
        BigDecimal doseQuantity,
        DoseUnit doseUnit,
        Integer timesPerDay,
        BigDecimal everyHours,
        boolean asNeeded,
        BigDecimal maxPerDay) {

    static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    static final MathContext PRECISION = MathContext.DECIMAL64;

    /** Regular: {@code quantity unit}, {@code times} a day. */
    public static Sig timesPerDay(String quantity, DoseUnit unit, int times) {
        return new Sig(new BigDecimal(quantity), unit, times, null, false, null);
    }

    /** Regular: {@code quantity unit} every {@code hours} hours. */
    public static Sig everyHours(String quantity, DoseUnit unit, String hours) {
        return new Sig(new BigDecimal(quantity), unit, null, new BigDecimal(hours), false, null);
    }

    /** As needed, every {@code hours} hours at most, {@code max} dose units a day at most. */
    public static Sig asNeeded(String quantity, DoseUnit unit, String hours, String max) {
        return new Sig(new BigDecimal(quantity), unit, null, new BigDecimal(hours), true, new BigDecimal(max));
    }

    /** Doses per day the frequency allows (bid = 2; q6h = 4; q72h = 1/3), or null without a frequency. */
    public BigDecimal dosesPerDay() {
        if (timesPerDay != null) {
            return BigDecimal.valueOf(timesPerDay);
        }
        if (everyHours != null && everyHours.signum() > 0) {
            return HOURS_PER_DAY.divide(everyHours, PRECISION);
        }
        return null;
    }

    /**
     * Dose units per day counted for the daily dose: a regular sig, dose x doses per day; an as-needed sig, its
     * maximum per day (the most the prescription allows; see {@link MmeCalculator}). Null when it cannot be known.
     */
    public BigDecimal unitsPerDay() {
        if (asNeeded) {
            return maxPerDay;
        }
        BigDecimal doses = dosesPerDay();
        return doses == null || doseQuantity == null ? null : doseQuantity.multiply(doses, PRECISION);
    }

    /** The sig in words ("1 tablet every 6 hours as needed, at most 4 a day"). */
    public String words() {
        return SigText.render(this);
    }
}
