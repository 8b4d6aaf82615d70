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

    private History12m() {
    }

    /** Procedures matching {@code which} in the rolling 12 months before the planned date. */
    static List<PastProcedure> inLast12Months(History h, Order o, Predicate<PastProcedure> which) {
        LocalDate from = o.plannedDate().minusMonths(12);
        return h.procedures().stream().filter(which)
                .filter(p -> p.date().isAfter(from) && !p.date().isAfter(o.plannedDate())).toList();
    }

    static Optional<PastProcedure> last(History h, Predicate<PastProcedure> which) {
        return h.procedures().stream().filter(which).max(Comparator.comparing(PastProcedure::date));
    }

    static boolean sameSide(PastProcedure p, Order o) {
        return p.side() == o.side() || p.side() == Facts.Side.BILATERAL || o.side() == Facts.Side.BILATERAL;
    }

    /** Whether relief lasted at least {@code months} months after the procedure. */
    static boolean lastedMonths(PastProcedure p, int months) {
        return p.reliefWeeks() != null && !p.date().plusWeeks(p.reliefWeeks()).isBefore(p.date().plusMonths(months));
    }
}
