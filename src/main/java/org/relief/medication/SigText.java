package org.relief.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * The sig picker: reads common sig text into {@link Sig} data and writes the data back in plain words.
 *
 * <p>Reads: a dose ("1", "0.5", "1/2") with its unit ("tab", "tabs", "tablet", "cap", "capsule", "patch", "film",
 * "mL", "mg", "mcg"); an optional route word ("po", "by mouth", "sl", "td"); a frequency ("qd", "daily", "once a day",
 * "qhs", "qam", "bid", "tid", "qid", "twice a day", "3 times a day", "3x/day", "q6h", "q 6 hrs", "every 6 hours",
 * "every hour", "every 3 days"); "prn" / "as needed" (optionally "for pain"); a maximum ("max 4/day",
 * "max 4 tabs per day", "maximum 4 per 24 hours", "at most 4 a day"). Commas and a final full stop are ignored.
 * An as-needed sig with a maximum may leave out the frequency ("1 tab prn, max 4/day"); any other sig needs one.
 * Anything else is refused with a problem naming the field "sig" and quoting the words not understood: never a
 * guess. A dose range ("1-2 tabs") is refused with its own message: the sig data holds one dose.
 *
 * <p>Writes: "1 tablet every 6 hours as needed, at most 4 a day", "2 capsules twice a day", "1 patch every 72 hours",
 * "10 mL three times a day"; what it writes it reads back to the same data.
 */
public final class SigText {

    /** The field problems name: the sig text input. */
    public static final String FIELD = "sig";

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?(?:/\\d+)?)";
    private static final String UNIT = "(tablets?|tabs?|capsules?|caps?|patch(?:es)?|films?|ml|mg|mcg|applications?)";
    private static final Pattern DOSE = Pattern.compile(NUMBER + "\\s*" + UNIT + "?(?=\\s|$)");
    private static final Pattern RANGE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:-|to)\\s*\\d+.*");
    private static final Pattern ROUTE =
            Pattern.compile("(?:po|by mouth|orally|sl|sublingually|td|transdermally)" + "(?=\\s|$)");
    private static final Pattern EVERY_HOURS = Pattern.compile("(?:q\\s*" + NUMBER + "\\s*(?:h|hr|hrs|hour|hours)"
            + "|every\\s+" + NUMBER + "\\s*(?:h|hr|hrs|hour|hours))(?=\\s|$)");
    private static final Pattern EVERY_HOUR = Pattern.compile("(?:every hour|q\\s*h|qh|hourly)(?=\\s|$)");
    private static final Pattern EVERY_DAYS = Pattern.compile("every\\s+" + NUMBER + "\\s*days?(?=\\s|$)");
    private static final Pattern TIMES_WORDS = Pattern.compile("(qd|daily|once daily|once a day|every day|qhs|"
            + "at bedtime|qam|every morning|bid|twice daily|twice a day|tid|three times daily|three times a day|qid|"
            + "four times daily|four times a day)(?=\\s|$)");
    private static final Pattern TIMES_NUMBER = Pattern.compile("(\\d+)\\s*(?:times\\s+(?:a|per)\\s+day|times daily"
            + "|x\\s*/\\s*day|x\\s+(?:a|per)\\s+day|x\\s*daily)(?=\\s|$)");
    private static final Pattern PRN = Pattern.compile("(?:prn|as needed)(?:\\s+(?:for\\s+)?pain)?(?=\\s|$)");
    private static final Pattern MAX = Pattern.compile("(?:max|maximum|at most|no more than|not more than)\\s+" + NUMBER
            + "\\s*" + UNIT + "?\\s*(?:/|per|a|an|in|every)\\s*(?:day|24\\s*(?:h|hr|hrs|hours))(?=\\s|$)");

    private SigText() {}

    /** The sig as data, or {@link InvalidInputException} naming the field "sig" with what could not be read. */
    public static Sig parse(String text) {
        List<FieldProblem> problems = new ArrayList<>();
        Sig sig = read(text, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return sig;
    }

    /** Reads the text; the problems, if any, go to {@code problems} and the result is then null. */
    public static Sig read(String text, List<FieldProblem> problems) {
        String s = text == null
                ? ""
                : text.toLowerCase(Locale.ROOT)
                        .replaceAll("[,;]", " ")
                        .replaceAll("\\s+", " ")
                        .strip()
                        .replaceAll("\\.$", "")
                        .strip();
        if (s.isEmpty()) {
            problems.add(new FieldProblem(FIELD, "write the directions, e.g. \"1 tab q6h prn, max 4/day\""));
            return null;
        }
        if (RANGE.matcher(s).matches()) {
            problems.add(new FieldProblem(
                    FIELD,
                    "a dose range (\"" + s.split(" ")[0] + "\") cannot be recorded as "
                            + "one dose: write the dose to take and the maximum per day"));
            return null;
        }
        Matcher m = DOSE.matcher(s);
        if (!m.lookingAt()) {
            problems.add(new FieldProblem(
                    FIELD, "start with the dose and its unit, e.g. \"1 tab\" (could not read \"" + s + "\")"));
            return null;
        }
        BigDecimal quantity = number(m.group(1));
        DoseUnit unit = m.group(2) == null ? null : unit(m.group(2));
        int at = skipSpaces(s, m.end());
        Integer times = null;
        BigDecimal hours = null;
        boolean prn = false;
        boolean route = false;
        BigDecimal max = null;
        DoseUnit maxUnit = null;
        while (at < s.length()) {
            if (!route && (m = match(ROUTE, s, at)) != null) {
                route = true;
            } else if (times == null && hours == null && (m = match(EVERY_HOURS, s, at)) != null) {
                hours = number(m.group(1) != null ? m.group(1) : m.group(2));
            } else if (times == null && hours == null && (m = match(EVERY_HOUR, s, at)) != null) {
                hours = BigDecimal.ONE;
            } else if (times == null && hours == null && (m = match(EVERY_DAYS, s, at)) != null) {
                hours = number(m.group(1)).multiply(Sig.HOURS_PER_DAY);
            } else if (times == null && hours == null && (m = match(TIMES_WORDS, s, at)) != null) {
                times = timesOf(m.group(1));
            } else if (times == null && hours == null && (m = match(TIMES_NUMBER, s, at)) != null) {
                times = Integer.valueOf(m.group(1));
            } else if (!prn && (m = match(PRN, s, at)) != null) {
                prn = true;
            } else if (max == null && (m = match(MAX, s, at)) != null) {
                max = number(m.group(1));
                maxUnit = m.group(2) == null ? null : unit(m.group(2));
            } else {
                problems.add(new FieldProblem(
                        FIELD,
                        "could not read \"" + s.substring(at) + "\"; write e.g. " + "\"1 tab q6h prn, max 4/day\""));
                return null;
            }
            at = skipSpaces(s, m.end());
        }
        if (quantity == null || quantity.signum() <= 0) {
            problems.add(new FieldProblem(FIELD, "the dose must be more than 0"));
        }
        if (unit == null) {
            problems.add(new FieldProblem(FIELD, "give the unit of the dose (tab, cap, patch, mL, mg)"));
        }
        if (times == null && hours == null && !(prn && max != null)) {
            problems.add(new FieldProblem(FIELD, "say how often (e.g. bid, q6h, every 72 hours)"));
        } else if ((times != null && times <= 0) || (hours != null && hours.signum() <= 0)) {
            problems.add(new FieldProblem(FIELD, "how often must be more than 0"));
        }
        if (prn && max == null) {
            problems.add(new FieldProblem(FIELD, "an as-needed dose needs a maximum per day, e.g. \"max 4/day\""));
        }
        if (maxUnit != null && unit != null && maxUnit != unit) {
            problems.add(new FieldProblem(
                    FIELD,
                    "the maximum per day is in " + maxUnit.label() + " but the dose is in " + unit.label()
                            + ": use the same unit"));
        }
        return problems.isEmpty() ? new Sig(quantity, unit, times, hours, prn, max) : null;
    }

    /** The sig in plain words ("1 tablet every 6 hours as needed, at most 4 a day"). */
    public static String render(Sig sig) {
        StringBuilder out = new StringBuilder();
        if (sig.doseQuantity() != null) {
            out.append(plain(sig.doseQuantity()));
            if (sig.doseUnit() != null) {
                out.append(' ').append(sig.doseUnit().words(sig.doseQuantity()));
            }
        }
        if (sig.timesPerDay() != null) {
            out.append(' ')
                    .append(
                            switch (sig.timesPerDay()) {
                                case 1 -> "once a day";
                                case 2 -> "twice a day";
                                case 3 -> "three times a day";
                                case 4 -> "four times a day";
                                default -> sig.timesPerDay() + " times a day";
                            });
        } else if (sig.everyHours() != null) {
            out.append(
                    sig.everyHours().compareTo(BigDecimal.ONE) == 0
                            ? " every hour"
                            : " every " + plain(sig.everyHours()) + " hours");
        }
        if (sig.asNeeded()) {
            out.append(" as needed");
        }
        if (sig.maxPerDay() != null) {
            out.append(", at most ").append(plain(sig.maxPerDay())).append(" a day");
        }
        return out.toString().strip();
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static Matcher match(Pattern p, String s, int at) {
        Matcher m = p.matcher(s);
        m.region(at, s.length());
        return m.lookingAt() ? m : null;
    }

    private static int skipSpaces(String s, int at) {
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private static BigDecimal number(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new BigDecimal(text);
        }
        BigDecimal denominator = new BigDecimal(text.substring(slash + 1));
        if (denominator.signum() == 0) {
            return null;
        }
        return new BigDecimal(text.substring(0, slash))
                .divide(denominator, 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private static DoseUnit unit(String word) {
        if (word.startsWith("tab")) {
            return DoseUnit.TABLET;
        }
        if (word.startsWith("cap")) {
            return DoseUnit.CAPSULE;
        }
        if (word.startsWith("patch")) {
            return DoseUnit.PATCH;
        }
        if (word.startsWith("film")) {
            return DoseUnit.FILM;
        }
        if (word.startsWith("application")) {
            return DoseUnit.APPLICATION;
        }
        return switch (word) {
            case "ml" -> DoseUnit.ML;
            case "mg" -> DoseUnit.MG;
            default -> DoseUnit.MCG;
        };
    }

    private static int timesOf(String word) {
        return switch (word) {
            case "bid", "twice daily", "twice a day" -> 2;
            case "tid", "three times daily", "three times a day" -> 3;
            case "qid", "four times daily", "four times a day" -> 4;
            default -> 1;
        };
    }
}
