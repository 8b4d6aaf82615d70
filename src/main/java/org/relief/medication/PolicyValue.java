package org.relief.medication;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One clinical number in force: its key, value, unit and source (shown to the user whenever a rule uses it). A clinic
 * may override the value; the source then says so.
 *
 * @param key a stable name ("opioid.mme-high")
 * @param value the number
 * @param unit what the number counts ("MME/day", "months")
 * @param source where the number comes from; UNVERIFIED where no primary text was read
 */
public record PolicyValue(String key, BigDecimal value, String unit, String source) {

    public PolicyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    public static PolicyValue of(String key, String value, String unit, String source) {
        return new PolicyValue(key, new BigDecimal(value), unit, source);
    }

    /** The same key with a clinic's own value; the reason joins the source. */
    public PolicyValue overriddenBy(BigDecimal newValue, String reason) {
        return new PolicyValue(
                key, newValue, unit, "clinic policy (" + reason + "); default " + shown() + " from " + source);
    }

    public int integer() {
        return value.intValueExact();
    }

    /** "90 MME/day"; a count of one in the singular ("1 month", not "1 months"). */
    public String shown() {
        String number = value.stripTrailingZeros().toPlainString();
        String shownUnit = "1".equals(number) && unit.endsWith("s") && !unit.contains("/")
                ? unit.substring(0, unit.length() - 1)
                : unit;
        return number + " " + shownUnit;
    }
}
