package org.relief.procedure.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the blood-thinner instructions from the "Blood thinners" reason the engine stored with an order (the
 * sentences {@link BloodThinners} writes), so the patient's page shows exactly the dates the order's decision gave,
 * never a new calculation. A sentence it does not recognise becomes "ask your care team", never a guess.
 */
public final class StoredHolds {

    /** The rule whose stored reason this reads. */
    public static final String RULE = "Blood thinners";

    /** What the patient is told about one medicine. */
    public enum Kind {
        /** Stop it: last dose and first day without it, restart after. */
        HOLD,
        /** The rule found no hold needed for this procedure. */
        NO_HOLD,
        /** The rule leaves the hold to the prescriber or the care team (or the sentence was not recognised). */
        ASK
    }

    /**
     * One medicine's instruction.
     *
     * @param medicine the medicine's name as on the list; null for "your blood thinners" (an unrecognised sentence)
     * @param days days held before the procedure (HOLD only)
     * @param lastDose the day of the last dose (HOLD only)
     * @param noDoseFrom the first day without it (HOLD only)
     * @param restart when to start again after the procedure, in the rule's words (HOLD only)
     * @param note the rule's own remark for this medicine (HOLD only, may be empty)
     */
    public record Instruction(
            String medicine,
            Kind kind,
            Integer days,
            LocalDate lastDose,
            LocalDate noDoseFrom,
            String restart,
            String note) {

        /** The note as a sentence of its own: "and a normal INR on the day" reads "A normal INR on the day". */
        public String plainNote() {
            String n = note == null ? "" : note.strip();
            if (n.startsWith("(") && n.endsWith(")")) {
                n = n.substring(1, n.length() - 1).strip();
            }
            if (n.startsWith("and ")) {
                n = n.substring(4);
            }
            return n.isEmpty() ? "" : Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }
    }

    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";

    private static final Pattern HOLD = Pattern.compile("(.+?): hold (\\d+) day\\(s\\) before \\(.*\\): last dose by "
            + DATE + ", so no dose from " + DATE + "; restart (.+?) after the procedure ?(.*)\\.");
    private static final Pattern NO_HOLD = Pattern.compile("(.+?): no hold needed for .*\\.");
    private static final Pattern ASK = Pattern.compile("(.+?)(?:: hours-level hold \\(.*"
            + "| is not in the guideline's table: decide the hold with the prescriber.*"
            + "|: no fixed hold for .*; shared decision with the prescriber\\.)");
    /** Sentences that only precede a HOLD sentence for the same medicine (held already, or too late). */
    private static final Pattern CONTEXT = Pattern.compile(".+? held since " + DATE + ".*|.+? is still taken and the "
            + "\\d+-day hold can no longer be met for .*|No blood thinner on the medication list .*");

    private StoredHolds() {}

    /** The instructions in a stored "Blood thinners" reason, in its order; empty when no thinner is listed. */
    public static List<Instruction> read(String reason) {
        List<Instruction> out = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            return out;
        }
        boolean unrecognised = false;
        for (String sentence : reason.strip().split("(?<=\\.)\\s+")) {
            Matcher m;
            if ((m = HOLD.matcher(sentence)).matches()) {
                out.add(new Instruction(
                        m.group(1).strip(),
                        Kind.HOLD,
                        Integer.valueOf(m.group(2)),
                        LocalDate.parse(m.group(3)),
                        LocalDate.parse(m.group(4)),
                        m.group(5).strip(),
                        m.group(6).strip()));
            } else if ((m = NO_HOLD.matcher(sentence)).matches()) {
                out.add(new Instruction(m.group(1).strip(), Kind.NO_HOLD, null, null, null, null, ""));
            } else if ((m = ASK.matcher(sentence)).matches()) {
                out.add(new Instruction(m.group(1).strip(), Kind.ASK, null, null, null, null, ""));
            } else if (!CONTEXT.matcher(sentence).matches()) {
                unrecognised = true;
            }
        }
        if (unrecognised) {
            out.add(new Instruction(null, Kind.ASK, null, null, null, null, ""));
        }
        return out;
    }
}
