package org.relief.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Purpose;
import org.relief.patient.ChartService;
import org.relief.procedure.rules.ProcedureType;
import org.relief.procedure.rules.StoredHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a patient needs to know before an ordered procedure, read from the stored order and the decision the rules
 * gave when it was placed (never a new calculation): the procedure, its planned day, whether it may go ahead, and
 * the blood-thinner instructions of the order's "Blood thinners" outcome ({@link StoredHolds}). Only orders still to
 * come: not cancelled, not yet documented as done, planned for today or later. Read through the guard, so the
 * patient's portal (grant SELF) and staff alike are checked and audited.
 */
@Service
public class BeforeProcedure {

    private final ChartAccess access;
    private final Orders orders;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChartService charts;

    BeforeProcedure(ChartAccess access, Orders orders, JdbcClient jdbc, Clock clock, ChartService charts) {
        this.charts = charts;
        this.access = access;
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An ordered procedure still to come.
     *
     * @param mayProceed false while the rules' BLOCK stands (not overridden): the page then gives no dates
     * @param thinners the blood-thinner instructions as stored with the order; empty when none was listed
     */
    public record Upcoming(
            UUID orderId,
            ProcedureType type,
            LocalDate plannedDate,
            boolean mayProceed,
            List<StoredHolds.Instruction> thinners) {}

    /** The patient's procedures still to come, soonest first (audited read). */
    @Transactional(readOnly = true)
    public List<Upcoming> upcoming(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("what to do before a procedure"));
        LocalDate today = LocalDate.now(clock);
        Set<UUID> documented = charts.entries(actor, patientId, ProcedureKinds.PERFORMED).stream()
                .map(v -> v.data().orderId())
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return jdbc
                .sql("select id from procedure_order where patient_id = ? and recorded_entry_id is null "
                        + "and planned_date >= ? order by planned_date, ordered_at")
                .params(patientId, today)
                .query(UUID.class)
                .list()
                .stream()
                .filter(id -> !documented.contains(id))
                .map(orders::find)
                .filter(o -> !o.cancelled())
                .map(o -> new Upcoming(
                        o.id(),
                        o.order().type(),
                        o.order().plannedDate(),
                        o.mayProceed(),
                        o.outcomes().stream()
                                .filter(x -> x.rule().equals(StoredHolds.RULE))
                                .map(x -> StoredHolds.read(x.reason()))
                                .flatMap(List::stream)
                                .collect(Collectors.toList())))
                .toList();
    }
}
