package org.relief.letters;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * The period of a clinic outcome report: a calendar month or a quarter, both days inclusive. A period that has not
 * begun yet is refused (its figures would still change).
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

    /** A month ({@code 2026-03}). */
    public static ReportPeriod month(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw invalid("month", "choose a month");
        }
        YearMonth m;
        try {
            m = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid("month", "must be a month like 2026-03");
        }
        return checked(
                "month",
                new ReportPeriod(
                        m.atDay(1),
                        m.atEndOfMonth(),
                        m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " "
                                + m.getYear()),
                today);
    }

    /** A quarter: the year ({@code 2026}) and the quarter (1 to 4). */
    public static ReportPeriod quarter(String year, String quarter, LocalDate today) {
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            throw invalid("year", "must be a year like 2026");
        }
        if (y < 2000 || y > 2999) {
            throw invalid("year", "must be a year like 2026");
        }
        int q;
        try {
            q = Integer.parseInt(quarter == null ? "" : quarter.strip());
        } catch (NumberFormatException e) {
            throw invalid("quarter", "must be 1, 2, 3 or 4");
        }
        if (q < 1 || q > 4) {
            throw invalid("quarter", "must be 1, 2, 3 or 4");
        }
        LocalDate from = LocalDate.of(y, 3 * (q - 1) + 1, 1);
        return checked(
                "quarter",
                new ReportPeriod(
                        from,
                        from.plusMonths(3).minusDays(1),
                        "Quarter " + q + " " + y + " ("
                                + from.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                                + " to "
                                + from.plusMonths(2)
                                        .getMonth()
                                        .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                                + ")"),
                today);
    }

    private static ReportPeriod checked(String field, ReportPeriod p, LocalDate today) {
        if (p.from().isAfter(today)) {
            throw invalid(field, "must not be in the future");
        }
        return p;
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }
}
