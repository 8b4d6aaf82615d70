package org.relief.procedure;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.patient.CareGuard;
import org.relief.patient.EntryKind;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.rules.Decision;
import org.relief.screening.SafetyGate;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Asked by the chart before a procedure performed here is documented (added, corrected or imported), so a
 * procedure the rules never allowed cannot be written in by the side:
 * <ul>
 * <li>an order it names must be an order of this patient that may go ahead (allowed, warned, or a BLOCK the
 * physician overrode); a made-up or blocked order is a 400 on {@code orderId};</li>
 * <li>while interventional care is on hold the safety gate refuses (audited, 409) a procedure documented without
 * an order, and any procedure performed on or after the day the hold began. A procedure ordered and performed
 * before the hold may still be documented late: it is a fact, not a move toward care.</li>
 * </ul>
 * Documented without an order outside a hold, the rules still run after the fact ({@link Orders}).
 */
@Component
class PerformedGuard implements CareGuard {

    private final SafetyGate gate;
    private final JdbcClient jdbc;

    PerformedGuard(SafetyGate gate, JdbcClient jdbc) {
        this.gate = gate;
        this.jdbc = jdbc;
    }

    @Override
    public void requireEntry(Actor actor, UUID patientId, EntryKind<?> kind, Record data, Record previous) {
        if (kind != ProcedureKinds.PERFORMED || !(data instanceof Performed p)) {
            return;
        }
        boolean sameOrder = previous instanceof Performed before && Objects.equals(before.orderId(), p.orderId());
        if (p.orderId() != null && !sameOrder) {
            requireOrderMayProceed(patientId, p.orderId());
        }
        String what = "document " + p.type().label() + " performed";
        if (previous == null && p.orderId() == null) {
            gate.requireNoHold(actor, patientId, what + " without an order");
        }
        gate.requireBeforeHold(actor, patientId, p.performedOn(), what);
    }

    private void requireOrderMayProceed(UUID patientId, UUID orderId) {
        var order = jdbc.sql("""
                select o.decision, o.recorded_entry_id is not null as after_the_fact,
                       exists (select 1 from procedure_override v where v.order_id = o.id) as overridden
                from procedure_order o where o.id = ? and o.patient_id = ?""")
                .params(orderId, patientId)
                .query((rs, n) -> new Object[] {
                    Decision.valueOf(rs.getString("decision")),
                    rs.getBoolean("after_the_fact"),
                    rs.getBoolean("overridden")
                })
                .optional();
        if (order.isEmpty() || (Boolean) order.get()[1]) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "orderId", "is not an order of this patient: document the procedure from its order")));
        }
        if (order.get()[0] == Decision.BLOCK && !(Boolean) order.get()[2]) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "orderId", "names a blocked order: it may go ahead only once the physician overrides the block")));
        }
    }
}
