package org.relief.plan.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.plan.PlanVersion;

/**
 * Which therapies ran when, from the signed plan versions: one bar per therapy and owner, from its earliest start to
 * its latest end (today when still running), placed on a common axis as percentages for the page.
 */
record Timeline(LocalDate from, LocalDate to, List<Bar> bars) {

    record Bar(
            String therapy, String owner, LocalDate start, LocalDate end, boolean running, double left, double width) {}

    static Timeline of(List<PlanVersion> versions) {
        LocalDate today = LocalDate.now();
        Map<String, LocalDate[]> spans = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (PlanVersion v : versions.stream()
                .filter(PlanVersion::signed)
                .sorted(Comparator.comparingInt(PlanVersion::version))
                .toList()) {
            for (var t : v.therapies()) {
                String key = t.therapyCode() + "/" + t.ownerId();
                LocalDate end = t.endDate() == null ? today : t.endDate();
                spans.merge(key, new LocalDate[] {t.startDate(), end}, (a, b) ->
                        new LocalDate[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
                names.put(key, new String[] {t.therapyName(), t.ownerName(), t.endDate() == null ? "y" : "n"});
            }
        }
        if (spans.isEmpty()) {
            return new Timeline(today, today, List.of());
        }
        LocalDate from = spans.values().stream()
                .map(s -> s[0])
                .min(Comparator.naturalOrder())
                .orElse(today);
        LocalDate to = spans.values().stream()
                .map(s -> s[1])
                .max(Comparator.naturalOrder())
                .orElse(today);
        double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        List<Bar> bars = new ArrayList<>();
        spans.forEach((key, s) -> {
            String[] n = names.get(key);
            double left = ChronoUnit.DAYS.between(from, s[0]) / days * 100;
            double width = Math.max(1.5, ChronoUnit.DAYS.between(s[0], s[1]) / days * 100);
            bars.add(new Bar(n[0], n[1], s[0], s[1], n[2].equals("y"), left, Math.min(width, 100 - left)));
        });
        return new Timeline(from, to, bars);
    }
}
