package org.relief.outcomes.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.careteam.Actor;
import org.relief.outcomes.Measure;
import org.relief.outcomes.Measures;
import org.relief.outcomes.OutcomesService;
import org.relief.outcomes.OutcomesService.PatientOutcomes;
import org.relief.outcomes.TherapyAnalysis;
import org.relief.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The patient's Outcomes page: trajectory, therapy bands, and which therapies helped, said honestly. */
@Controller
class OutcomesController {

    private final OutcomesService outcomes;
    private final Patients patients;

    OutcomesController(OutcomesService outcomes, Patients patients) {
        this.outcomes = outcomes;
        this.patients = patients;
    }

    /** A measure in the picker. */
    record MeasureOption(String value, String label, boolean selected) {}

    /** One therapy's finding, in words. */
    record EffectRow(
            String label,
            String start,
            String stop,
            String levelChange,
            String verdict,
            String verdictClass,
            String reason) {}

    /** One pair's interaction finding, in words. */
    record InteractionRow(
            String pair, String status, String statusClass, String estimate, String reason, String needed) {}

    /** One reading in the data table, with the therapies given that day. */
    record Row(LocalDate date, String value, String therapies) {}

    @GetMapping("/patients/{id}/outcomes")
    String page(@PathVariable UUID id, @RequestParam(required = false) String measure, Actor actor, Model model) {
        Measure m = Measures.parse(measure);
        PatientOutcomes result = outcomes.analyse(actor, id, m);
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("measure", m);
        model.addAttribute("measureName", Measures.shortName(m));
        List<MeasureOption> options = new ArrayList<>();
        for (Measure each : Measure.values()) {
            options.add(new MeasureOption(each.name(), Measures.shortName(each) + ": " + each.label(), each == m));
        }
        model.addAttribute("measures", options);
        model.addAttribute("result", result);
        model.addAttribute("readings", result.series().readings());
        model.addAttribute("exposures", result.exposures());
        model.addAttribute(
                "rows",
                result.series().readings().stream()
                        .map(r -> new Row(
                                r.date(),
                                fmt(r.value()),
                                result.exposures().stream()
                                        .filter(e -> e.activeOn(r.date()))
                                        .map(e -> e.therapy())
                                        .collect(Collectors.joining(", "))))
                        .toList());
        model.addAttribute(
                "seriesData",
                result.series().readings().stream()
                        .map(r -> r.date() + "," + fmt(r.value()))
                        .collect(Collectors.joining(";")));
        // therapy names may hold "/" and spaces but never "|" or ";" (catalogue names)
        model.addAttribute(
                "therapyData",
                result.exposures().stream()
                        .map(e -> e.therapy() + "|" + e.start() + "|"
                                + (e.stop() == null ? "" : e.stop().minusDays(1)))
                        .collect(Collectors.joining(";")));
        // procedures as numbered markers (P1, P2, ...) and goals as numbered target lines (G1, ...); the words are in
        // the lists beneath the chart, so the chart data carry no free text
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < result.procedures().size(); i++) {
            marks.add(result.procedures().get(i).date() + "|P" + (i + 1));
        }
        model.addAttribute("procedureData", String.join(";", marks));
        model.addAttribute(
                "procedureScoreData",
                result.procedureScores().stream()
                        .map(x -> x.date() + "," + fmt(x.nrs()))
                        .collect(Collectors.joining(";")));
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < result.goals().size(); i++) {
            goals.add(fmt(result.goals().get(i).target()) + "|G" + (i + 1));
        }
        model.addAttribute("goalData", String.join(";", goals));
        model.addAttribute("sites", result.procedureResponses());
        model.addAttribute(
                "reliefLasting",
                Math.round(org.relief.outcomes.OutcomesPolicy.defaults()
                        .value(org.relief.outcomes.OutcomesPolicy.RELIEF_LASTING_PERCENT)));
        TherapyAnalysis a = result.analysis();
        model.addAttribute("analysis", a);
        if (a != null) {
            model.addAttribute("baseline", fmt(a.baseline()));
            boolean hasFigure = Double.isFinite(a.meaningfulChange());
            model.addAttribute("meaningful", hasFigure ? fmt(a.meaningfulChange()) : null);
            model.addAttribute(
                    "bandData",
                    hasFigure
                            ? fmt(a.baseline() - a.meaningfulChange()) + "," + fmt(a.baseline() + a.meaningfulChange())
                            : "");
            model.addAttribute(
                    "effects",
                    a.effects().stream().map(OutcomesController::effect).toList());
            model.addAttribute(
                    "interactions",
                    a.interactions().stream()
                            .map(OutcomesController::interaction)
                            .toList());
        }
        return "outcomes/page";
    }

    private static EffectRow effect(TherapyAnalysis.TherapyEffect e) {
        // the change the verdict is judged on: the level while given, with its simultaneous interval
        TherapyAnalysis.Coefficient c = e.judgedLevelChange();
        String level = c == null || !Double.isFinite(c.estimate())
                ? "not estimated"
                : signed(c.estimate()) + " " + c.unit() + " (interval " + signed(c.lower()) + " to " + signed(c.upper())
                        + ")";
        String cls = switch (e.verdict()) {
            case IMPROVED -> "good";
            case WORSENED -> "bad";
            case NO_CLEAR_CHANGE -> "";
            case NOT_ESTIMABLE -> "warn";
        };
        return new EffectRow(
                e.label(),
                date(e.start()),
                e.stop() == null ? "still given" : date(e.stop().minusDays(1)),
                level,
                e.verdict().label(),
                cls,
                e.reason());
    }

    private static InteractionRow interaction(TherapyAnalysis.Interaction i) {
        TherapyAnalysis.Coefficient c = i.estimate();
        String estimate = c == null
                ? null
                : signed(c.estimate()) + " " + c.unit() + " (95 % interval " + signed(c.lower()) + " to "
                        + signed(c.upper()) + ")";
        String cls = switch (i.status()) {
            case POSSIBLE_SYNERGY -> "good";
            case NOT_SEPARABLE, NOT_ENOUGH_DATA -> "warn";
            default -> "";
        };
        return new InteractionRow(
                i.first() + " + " + i.second(), i.status().label(), cls, estimate, i.reason(), i.needed());
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** Two decimals with a sign, as the analysis' own reasons give them ("−0.00" is shown as "0.00"). */
    private static String signed(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        if (s.equals("-0.00") || s.equals("0.00")) {
            return "0.00";
        }
        return d > 0 ? "+" + s : s.replace("-", "−");
    }
}
