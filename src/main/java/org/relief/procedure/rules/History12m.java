package org.relief.procedure.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.relief.procedure.rules.Facts.History;
import org.relief.procedure.rules.Facts.Order;
import org.relief.procedure.rules.Facts.PastProcedure;

/** Queries over earlier procedures that several rules share. */
final class History12m {

    private History12m() {}

    /** Procedures matching {@code which} in the rolling 12 months before the planned date. */
    static List<PastProcedure> inLast12Months(History h, Order o, Predicate<PastProcedure> which) {
        LocalDate from = o.plannedDate().minusMonths(12);
        return h.procedures().stream()
                .filter(which)
                .filter(p -> p.date().isAfter(from) && !p.date().isAfter(o.plannedDate()))
                .toList();
    }

    static Optional<PastProcedure> last(History h, Predicate<PastProcedure> which) {
        return h.procedures().stream().filter(which).max(Comparator.comparing(PastProcedure::date));
    }

    static boolean sameSide(PastProcedure p, Order o) {
        return p.side() == o.side() || p.side() == Facts.Side.BILATERAL || o.side() == Facts.Side.BILATERAL;
    }

    /** "2026-01-09, outside: referral prior treatment; 2026-05-02, documented here". */
    static String dates(List<PastProcedure> ps) {
        return String.join("; ", ps.stream().map(PastProcedure::when).toList());
    }

    /** What to complete so the rules can read {@code facts} of these procedures, one instruction per entry. */
    static String complete(List<PastProcedure> ps, String facts) {
        String all = String.join(
                "; ", ps.stream().map(q -> q.complete(facts)).distinct().toList());
        return Character.toUpperCase(all.charAt(0)) + all.substring(1);
    }

    /** Same region as the order, or region not recorded (an outside fact that may be this region). */
    static boolean regionMayMatch(PastProcedure p, Order o) {
        return p.region() == null || p.region() == o.region();
    }

    /** Same side as the order (bilateral covers both), or side not recorded. */
    static boolean sideMayMatch(PastProcedure p, Order o) {
        return p.side() == null || sameSide(p, o);
    }

    /** Whether relief lasted at least {@code months} months after the procedure. */
    static boolean lastedMonths(PastProcedure p, int months) {
        return p.reliefWeeks() != null
                && !p.date().plusWeeks(p.reliefWeeks()).isBefore(p.date().plusMonths(months));
    }
}
