package org.relief.outcomes;

import java.util.List;
import java.util.Locale;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/** Reads a measure named in a request ("NRS", "PEG", "ODI", "PHQ-9" or "PHQ9"); anything else is a 400 in words. */
public final class Measures {

    private Measures() {}

    public static Measure parse(String text) {
        if (text == null || text.isBlank()) {
            return Measure.NRS;
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace("-", "");
        for (Measure m : Measure.values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new InvalidInputException(List.of(new FieldProblem("measure", "must be one of NRS, PEG, ODI or PHQ-9")));
    }

    /** The short name a person reads in the picker. */
    public static String shortName(Measure m) {
        return m == Measure.PHQ9 ? "PHQ-9" : m.name();
    }
}
