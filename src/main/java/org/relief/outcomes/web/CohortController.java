package org.relief.outcomes.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.outcomes.Cohort;
import org.relief.outcomes.CohortService;
import org.relief.outcomes.Measure;
import org.relief.outcomes.ResponderRates;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Realistic expectations on the plan page (an htmx fragment) and the clinic's cohort view with its CSV download
 * (physicians and clinic admins).
 */
@Controller
class CohortController {

    private final CohortService cohort;

    CohortController(CohortService cohort) {
        this.cohort = cohort;
    }

    @GetMapping("/patients/{id}/outcomes/expectations")
    String expectations(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("result", cohort.expectations(actor, id));
        return "outcomes/expectations :: expectations";
    }

    @GetMapping("/outcomes/cohort")
    String page(
            @RequestParam(required = false) String months,
            @RequestParam(required = false) String diagnosis,
            @RequestParam(required = false) String age,
            @RequestParam(required = false) String measure,
            Actor actor,
            Model model) {
        int m = months(months);
        Measure me = measure(measure);
        CohortService.Filter filter = new CohortService.Filter(blank(diagnosis), blank(age));
        Cohort.Table table = cohort.table(actor, m, filter, null, me);
        model.addAttribute("measure", me.name());
        model.addAttribute("measures", MEASURES);
        model.addAttribute("table", table);
        model.addAttribute("months", m);
        model.addAttribute("filter", filter);
        model.addAttribute("choices", cohort.choices());
        return "outcomes/cohort";
    }

    @GetMapping("/outcomes/cohort.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String months,
            @RequestParam(required = false) String diagnosis,
            @RequestParam(required = false) String age,
            @RequestParam(required = false) String measure,
            Actor actor) {
        int m = months(months);
        Measure me = measure(measure);
        Cohort.Table table = cohort.table(actor, m, new CohortService.Filter(blank(diagnosis), blank(age)), null, me);
        StringBuilder sb = new StringBuilder();
        List<String> head = new java.util.ArrayList<>(List.of(
                "row",
                "therapy or combination",
                "months",
                "patients",
                "reached 30 %",
                "30 % share",
                "30 % lower",
                "30 % upper",
                "reached 50 %",
                "50 % share",
                "50 % lower",
                "50 % upper"));
        for (String s : table.strata()) {
            head.add(s + ": patients");
            if (table.percentRates()) {
                head.add(s + ": 30 % share");
                head.add(s + ": 50 % share");
            } else {
                head.add(s + ": important change share");
            }
        }
        head.addAll(List.of(
                "measure",
                "reached the important change",
                "important change share",
                "important change lower",
                "important change upper"));
        line(sb, head);
        for (Cohort.Row r : table.rows()) {
            List<String> cells = new java.util.ArrayList<>(List.of(r.kind(), r.label(), Integer.toString(m)));
            rate(cells, r.overall(), table.percentRates());
            for (ResponderRates.Result s : r.strata()) {
                cells.add(Integer.toString(s.n()));
                if (table.percentRates()) {
                    cells.add(s.tooFew() ? "too few" : pct(s.moderate().percent()));
                    cells.add(s.tooFew() ? "too few" : pct(s.substantial().percent()));
                } else {
                    cells.add(
                            s.tooFew() || s.meaningful() == null
                                    ? "too few"
                                    : pct(s.meaningful().percent()));
                }
            }
            important(cells, r.overall(), me);
            line(sb, cells);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cohort-responder-rates-" + me.name().toLowerCase(Locale.ROOT) + "-" + m
                                        + "-months.csv")
                                .build()
                                .toString())
                .body(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void rate(List<String> cells, ResponderRates.Result r, boolean percentRates) {
        cells.add(Integer.toString(r.n()));
        if (r.tooFew()) {
            cells.addAll(List.of("too few", "", "", "", "too few", "", "", ""));
            return;
        }
        if (!percentRates) {
            cells.addAll(List.of("", "", "", "", "", "", "", ""));
            return;
        }
        for (ResponderRates.Rate x : List.of(r.moderate(), r.substantial())) {
            cells.add(Integer.toString(x.responders()));
            cells.add(pct(x.percent()));
            cells.add(pct(x.lowerPercent()));
            cells.add(pct(x.upperPercent()));
        }
    }

    /** The measure's label and the share reaching its important change (the rate used for PEG and ODI). */
    private static void important(List<String> cells, ResponderRates.Result r, Measure measure) {
        cells.add(measure.label());
        if (r.tooFew() || r.meaningful() == null) {
            cells.addAll(List.of(r.tooFew() ? "too few" : "", "", "", ""));
            return;
        }
        cells.add(Integer.toString(r.meaningful().responders()));
        cells.add(pct(r.meaningful().percent()));
        cells.add(pct(r.meaningful().lowerPercent()));
        cells.add(pct(r.meaningful().upperPercent()));
    }

    /** The measures the cohort view offers (those with a published responder figure, CLINICAL_RULES §11). */
    static final List<Measure> MEASURES = List.of(Measure.NRS, Measure.PEG, Measure.ODI);

    static Measure measure(String text) {
        if (text == null || text.isBlank()) {
            return Measure.NRS;
        }
        return MEASURES.stream()
                .filter(m -> m.name().equals(text.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        List.of(new FieldProblem("measure", "must be pain (NRS), PEG or Oswestry Disability Index"))));
    }

    /** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled). */
    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            sb.append(i == 0 ? "" : ",").append(c);
        }
        sb.append("\r\n");
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static int months(String text) {
        if (text == null || text.isBlank()) {
            return 3;
        }
        return switch (text.strip()) {
            case "3" -> 3;
            case "6" -> 6;
            default -> throw new InvalidInputException(List.of(new FieldProblem("months", "must be 3 or 6")));
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
