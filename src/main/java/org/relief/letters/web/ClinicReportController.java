package org.relief.letters.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.relief.careteam.Actor;
import org.relief.letters.ClinicReport;
import org.relief.letters.ReportPeriod;
import org.relief.outcomes.Measure;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic's outcome report (physicians and clinic admins): a small form choosing a month or a quarter, and the
 * PDF for it ({@code ?month=2026-03} or {@code ?year=2026&quarter=1}; a bad value is a {@code 400} naming the field).
 */
@Controller
class ClinicReportController {

    private final ClinicReport report;

    ClinicReportController(ClinicReport report) {
        this.report = report;
    }

    @GetMapping("/outcomes/report")
    String form(Actor actor, Model model) {
        report.check(actor, "clinic outcome report form");
        YearMonth last = YearMonth.now().minusMonths(1);
        model.addAttribute("lastMonth", last.toString());
        model.addAttribute("year", LocalDate.now().getYear());
        model.addAttribute("quarter", (LocalDate.now().getMonthValue() - 1) / 3 + 1);
        model.addAttribute("measures", MEASURES);
        return "letters/clinic-report";
    }

    /** The measures with a published responder figure (CLINICAL_RULES §11): NRS, PEG, ODI. */
    static final List<Measure> MEASURES = List.of(Measure.NRS, Measure.PEG, Measure.ODI);

    private static Measure measure(String text) {
        if (text == null || text.isBlank()) {
            return Measure.NRS;
        }
        return MEASURES.stream()
                .filter(m -> m.name().equals(text.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        List.of(new FieldProblem("measure", "must be pain (NRS), PEG or Oswestry Disability Index"))));
    }

    @GetMapping("/outcomes/report.pdf")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String measure,
            Actor actor) {
        report.check(actor, "clinic outcome report");
        LocalDate today = LocalDate.now();
        Measure me = measure(measure);
        ReportPeriod period;
        if (month != null) {
            period = ReportPeriod.month(month, today);
        } else if (year != null || quarter != null) {
            period = ReportPeriod.quarter(year, quarter, today);
        } else {
            throw new InvalidInputException(List.of(new FieldProblem("month", "choose a month or a quarter")));
        }
        String name = "clinic-outcome-report-"
                + (me == Measure.NRS ? "" : me.name().toLowerCase(java.util.Locale.ROOT) + "-")
                + (month != null
                        ? period.from().toString().substring(0, 7)
                        : period.from().getYear() + "-q" + ((period.from().getMonthValue() - 1) / 3 + 1));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + ".pdf")
                                .build()
                                .toString())
                .body(report.pdf(actor, period, me));
    }
}
