package org.relief.outcomes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Response to procedures: relief at each follow-up, how long relief lasted, and the durability of repeats at the same
 * region, level and side (e.g. "RFA 1: 9 months, RFA 2: 7 months"). Relief "lasts" while each follow-up reports at
 * least the policy's lasting-relief percentage (50 % by default: the repeat criterion of CLINICAL_RULES §2 and §3).
 * Because follow-ups are snapshots, the duration is bounded: it lasted at least until the last follow-up at or above
 * the threshold and had ended by the first one below it. Plain Java.
 */
public final class ProcedureResponse {

    /** A procedure done: what, when, and where (region, level and side as a person reads them). */
    public record Procedure(String kind, LocalDate date, String region, String level, String side) {
        public Procedure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(date, "date");
        }

        /** The site repeats are compared at. */
        public String site() {
            return kind + ", " + (region == null ? "" : region) + (level == null ? "" : " " + level)
                    + (side == null ? "" : ", " + side);
        }
    }

    /** A follow-up: its date and the relief of the index pain in percent (0-100). */
    public record FollowUp(LocalDate date, double reliefPercent) {
        public FollowUp {
            Objects.requireNonNull(date, "date");
            if (!(reliefPercent >= 0 && reliefPercent <= 100)) {
                throw new IllegalArgumentException("relief must be 0-100 %");
            }
        }
    }

    /** A procedure with its follow-ups (the input). */
    public record Followed(Procedure procedure, List<FollowUp> followUps) {
        public Followed {
            followUps = List.copyOf(followUps);
        }
    }

    /** Relief at one follow-up. */
    public record Point(LocalDate date, long daysAfter, double reliefPercent, boolean lasting) {}

    /**
     * What one procedure did. {@code lastedAtLeastDays}: days to the last follow-up still at the threshold (0 when the
     * first was already below); {@code endedByDays}: days to the first follow-up below it (null while it lasts);
     * {@code months}: the lower bound in whole months.
     */
    public record Response(
            Procedure procedure,
            int number,
            List<Point> points,
            long lastedAtLeastDays,
            Long endedByDays,
            boolean ongoing,
            long months,
            String text) {}

    /** The responses at one site, in date order. */
    public record Site(String site, List<Response> responses, String text) {}

    private final double threshold;

    public ProcedureResponse(OutcomesPolicy policy) {
        this.threshold = policy.value(OutcomesPolicy.RELIEF_LASTING_PERCENT);
    }

    /** One procedure's response from its follow-ups (those before the procedure date are ignored). */
    public Response response(Followed f) {
        return response(f, 1, null);
    }

    private Response response(Followed f, int number, LocalDate until) {
        Procedure p = f.procedure();
        List<FollowUp> fus = new ArrayList<>(f.followUps());
        fus.sort(Comparator.comparing(FollowUp::date));
        List<Point> points = new ArrayList<>();
        long lasted = 0;
        Long endedBy = null;
        for (FollowUp fu : fus) {
            if (fu.date().isBefore(p.date()) || (until != null && !fu.date().isBefore(until))) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(p.date(), fu.date());
            boolean ok = fu.reliefPercent() >= threshold;
            points.add(new Point(fu.date(), days, fu.reliefPercent(), ok));
            if (endedBy == null) {
                if (ok) {
                    lasted = days;
                } else {
                    endedBy = days;
                }
            }
        }
        boolean ongoing = endedBy == null && !points.isEmpty();
        long months = Math.round(lasted / 30.4375);
        String name = p.kind() + (number > 0 ? " " + number : "");
        String t = OutcomesPolicy.num(threshold);
        String text;
        if (points.isEmpty()) {
            text = name + " (" + p.date() + "): no follow-up yet";
        } else if (lasted == 0) {
            text = name + " (" + p.date() + "): relief did not reach " + t + " % ("
                    + OutcomesPolicy.num(points.get(0).reliefPercent()) + " % at day "
                    + points.get(0).daysAfter() + ")";
        } else if (ongoing) {
            text = name + " (" + p.date() + "): " + months + " months so far (at least " + t + " % relief at the "
                    + "last follow-up, day " + lasted + ")";
        } else {
            text = name + " (" + p.date() + "): " + months + " months (at least " + t + " % relief until day " + lasted
                    + "; below it by day " + endedBy + ")";
        }
        return new Response(p, number, points, lasted, endedBy, ongoing, months, text);
    }

    /**
     * Every procedure grouped by site (kind, region, level, side), repeats numbered in date order. An earlier
     * procedure's follow-ups stop at the next one at the same site (later reports describe the repeat).
     */
    public List<Site> bySite(List<Followed> all) {
        Map<String, List<Followed>> sites = new LinkedHashMap<>();
        List<Followed> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(f -> f.procedure().date()));
        for (Followed f : sorted) {
            sites.computeIfAbsent(f.procedure().site(), k -> new ArrayList<>()).add(f);
        }
        List<Site> out = new ArrayList<>();
        for (Map.Entry<String, List<Followed>> e : sites.entrySet()) {
            List<Followed> list = e.getValue();
            List<Response> rs = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                LocalDate until =
                        i + 1 < list.size() ? list.get(i + 1).procedure().date() : null;
                Response r = response(list.get(i), i + 1, until);
                rs.add(r);
                String dur = r.points().isEmpty()
                        ? "no follow-up"
                        : r.lastedAtLeastDays() == 0
                                ? "under " + OutcomesPolicy.num(threshold) + " % relief"
                                : r.months() + " months" + (r.ongoing() ? " so far" : "");
                parts.add(r.procedure().kind() + " " + (i + 1) + ": " + dur);
            }
            out.add(new Site(e.getKey(), rs, e.getKey() + ": " + String.join(", ", parts)));
        }
        return out;
    }
}
