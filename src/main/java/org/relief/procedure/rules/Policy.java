package org.relief.procedure.rules;

import java.math.BigDecimal;
import java.util.Map;

/** The policy values in force, by key, each with its unit, source and the id of the row it came from. */
public record Policy(Map<String, Value> values) {

    /** One value as stored. */
    public record Value(String key, BigDecimal value, String unit, String source, long id) {

        public double number() {
            return value.doubleValue();
        }

        public String shown() {
            return value.stripTrailingZeros().toPlainString() + " " + unit;
        }
    }

    public Value get(String key) {
        Value v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("no policy value '" + key + "'");
        }
        return v;
    }

    public int integer(String key) {
        return get(key).value().intValue();
    }

    public double number(String key) {
        return get(key).value().doubleValue();
    }
}
