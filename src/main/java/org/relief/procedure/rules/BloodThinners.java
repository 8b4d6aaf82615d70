package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.warn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relief.procedure.rules.Facts.Thinner;
import org.relief.procedure.rules.ProcedureType.BleedingRisk;

/**
 * Blood thinners against the procedure's bleeding risk (Narouze et al., Reg Anesth Pain Med 2018, as summarised in
 * the rules reference section 9). Patient factors raise the category by one. For each drug: how many days before
 * the planned day it must be held (shown as a date), when to restart, and BLOCK when the hold is not met.
 */
final class BloodThinners {

    static final String SOURCE = "Narouze et al., Reg Anesth Pain Med 2018";

    /** One drug's holds by category: days, or null where the guideline leaves it to a shared decision. */
    record Hold(
            List<String> names,
            Integer high,
            Integer intermediate,
            Integer low,
            String restart,
            String extra,
            boolean unverified) {

        Optional<Integer> days(BleedingRisk risk) {
            return Optional.ofNullable(
                    switch (risk) {
                        case HIGH -> high;
                        case INTERMEDIATE -> intermediate;
                        case LOW -> low;
                    });
        }
    }

    private static final int NONE = 0;

    /**
     * The table. Where the reference gives a range (prasugrel 7-10 d, dabigatran 4-5 d, apixaban 3-5 d) the upper
     * figure is used; hours-level holds (heparin, enoxaparin) are shown as instructions, not date arithmetic.
     */
    static final List<Hold> TABLE = List.of(
            new Hold(List.of("warfarin"), 5, 5, null, "6 hours", "and a normal INR on the day", false),
            new Hold(
                    List.of("aspirin"),
                    6,
                    null,
                    NONE,
                    "24 hours",
                    "(primary prevention; secondary prevention: " + "decide with the prescriber)",
                    false),
            new Hold(List.of("ibuprofen", "diclofenac", "ketorolac"), 1, NONE, NONE, "24 hours", "", false),
            new Hold(List.of("etodolac", "indomethacin"), 2, NONE, NONE, "24 hours", "", false),
            new Hold(List.of("naproxen", "meloxicam"), 4, NONE, NONE, "24 hours", "", false),
            new Hold(List.of("nabumetone"), 6, NONE, NONE, "24 hours", "", false),
            new Hold(List.of("oxaprozin", "piroxicam"), 10, NONE, NONE, "24 hours", "", false),
            new Hold(List.of("cilostazol", "dipyridamole"), 2, NONE, NONE, "24 hours", "", false),
            new Hold(List.of("clopidogrel"), 7, null, null, "about 24 hours", "", true),
            new Hold(List.of("prasugrel"), 10, null, null, "about 24 hours", "(7-10 days; the longer is used)", true),
            new Hold(List.of("ticagrelor"), 5, null, null, "about 24 hours", "", true),
            new Hold(
                    List.of("dabigatran"),
                    5,
                    null,
                    null,
                    "about 24 hours",
                    "(4-5 days, 6 with renal impairment)",
                    true),
            new Hold(List.of("rivaroxaban"), 3, null, null, "about 24 hours", "", true),
            new Hold(List.of("apixaban"), 5, null, null, "about 24 hours", "(3-5 days; the longer is used)", true),
            new Hold(List.of("edoxaban"), 3, null, null, "about 24 hours", "", true));

    private BloodThinners() {}

    static final Rule RULE = (o, h, p) -> {
        BleedingRisk base = o.type().bleedingRisk(o.region());
        BleedingRisk risk =
                o.bleedingRiskFactors() && base != BleedingRisk.HIGH ? BleedingRisk.values()[base.ordinal() + 1] : base;
        String category = risk.name().toLowerCase() + " bleeding risk"
                + (risk != base ? " (" + base.name().toLowerCase() + ", raised by patient factors)" : "")
                + (o.type().bleedingRiskNamedInGuideline()
                        ? ""
                        : "; " + o.type().label() + " is not named in the guideline's lists: Relief applies "
                                + base.name().toLowerCase() + " risk");
        List<Outcome> outcomes = new ArrayList<>();
        for (Thinner t : h.thinners()) {
            outcomes.add(check(t, risk, category, o.plannedDate(), h.today()));
        }
        if (outcomes.isEmpty()) {
            return allow("Blood thinners", "No blood thinner on the medication list (" + category + ").", SOURCE);
        }
        Decision worst =
                outcomes.stream().map(Outcome::decision).max(Enum::compareTo).orElseThrow();
        String reasons = String.join(" ", outcomes.stream().map(Outcome::reason).toList());
        String sources = outcomes.stream()
                .map(Outcome::source)
                .distinct()
                .reduce((a, b) -> a + "; " + b)
                .orElse(SOURCE);
        return new Outcome("Blood thinners", worst, reasons, List.of(), sources);
    };

    static Outcome check(Thinner t, BleedingRisk risk, String category, LocalDate planned, LocalDate today) {
        String name = t.name().toLowerCase(Locale.ROOT);
        Optional<Hold> hold = TABLE.stream()
                .filter(x -> x.names().stream().anyMatch(name::contains))
                .findFirst();
        if (name.contains("heparin") || name.contains("enoxaparin")) {
            return warn(
                    "Blood thinners",
                    t.name() + ": hours-level hold ("
                            + (name.contains("enoxaparin")
                                    ? "12 h prophylactic / 24 h therapeutic; restart 4 h (low risk) or 12-24 h"
                                    : "IV 6 h; SC 24 h for high risk, 6 h otherwise; restart 2 h")
                            + "), " + category + ".",
                    SOURCE);
        }
        if (hold.isEmpty()) {
            return warn(
                    "Blood thinners",
                    t.name() + " is not in the guideline's table: decide the hold with the " + "prescriber (" + category
                            + ").",
                    SOURCE);
        }
        Hold x = hold.get();
        String src = SOURCE + (x.unverified() ? " (this drug's figure UNVERIFIED)" : "");
        Optional<Integer> days = x.days(risk);
        if (days.isEmpty()) {
            return warn(
                    "Blood thinners",
                    t.name() + ": no fixed hold for " + category + "; shared decision with " + "the prescriber.",
                    src);
        }
        if (days.get() == NONE) {
            return allow("Blood thinners", t.name() + ": no hold needed for " + category + ".", src);
        }
        int d = days.get();
        LocalDate stopBy = planned.minusDays(d);
        String plan =
                t.name() + ": hold " + d + " day(s) before (" + category + "): last dose by " + stopBy.minusDays(1)
                        + ", so no dose from " + stopBy + "; restart " + x.restart() + " after the procedure"
                        + (x.extra().isEmpty() ? "" : " " + x.extra()) + ".";
        if (t.lastDoseTaken() != null) {
            return fromLastDose(t, d, stopBy, planned, plan, src);
        }
        if (!t.active() && t.heldSince() != null) {
            return t.heldSince().isAfter(stopBy)
                    ? block(
                            "Blood thinners",
                            t.name() + " held since " + t.heldSince() + ", only "
                                    + java.time.temporal.ChronoUnit.DAYS.between(t.heldSince(), planned)
                                    + " day(s) before "
                                    + planned + "; needs " + d + ": earliest day "
                                    + t.heldSince().plusDays(d) + ". " + plan,
                            src)
                    : allow(
                            "Blood thinners",
                            t.name() + " held since " + t.heldSince() + " (at least " + d + " days). " + plan,
                            src);
        }
        return today.isAfter(stopBy)
                ? block(
                        "Blood thinners",
                        t.name() + " is still taken and the " + d + "-day hold can no longer be met " + "for " + planned
                                + ". " + plan,
                        src)
                : warn("Blood thinners", plan, src);
    }

    /**
     * The hold counted from the structured "last dose taken" (issue 11): no dose from the day after it. Too recent for
     * the hold: BLOCK with the earliest day. Long enough: ALLOW when the medication is stopped or the last dose was
     * recorded once the hold had begun (on or after the day from which no dose may be taken); a statement recorded
     * before that, for a medication still on the list, is a WARN asking to confirm no dose since (a later dose would
     * break the hold, and the list would not know).
     */
    private static Outcome fromLastDose(
            Thinner t, int d, LocalDate stopBy, LocalDate planned, String plan, String src) {
        LocalDate last = t.lastDoseTaken().toLocalDate();
        LocalDate heldFrom = last.plusDays(1);
        String lastShown = "last dose taken " + last + " " + t.lastDoseTaken().toLocalTime();
        if (heldFrom.isAfter(stopBy)) {
            return block(
                    "Blood thinners",
                    t.name() + ": " + lastShown + ", only "
                            + java.time.temporal.ChronoUnit.DAYS.between(heldFrom, planned) + " day(s) without a dose "
                            + "before " + planned + "; needs " + d + ": earliest day " + heldFrom.plusDays(d) + ". "
                            + plan,
                    src);
        }
        if (t.active()
                && t.lastDoseRecordedOn() != null
                && t.lastDoseRecordedOn().isBefore(stopBy)) {
            return warn(
                    "Blood thinners",
                    t.name() + ": " + lastShown + " (recorded on " + t.lastDoseRecordedOn() + ", before the hold began"
                            + " on " + stopBy + "): confirm no dose since; still on the medication list. " + plan,
                    src);
        }
        return allow(
                "Blood thinners",
                t.name() + ": " + lastShown + " (at least " + d + " days without a dose). " + plan,
                src);
    }
}
