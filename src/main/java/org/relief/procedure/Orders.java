package org.relief.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.assessment.Assessments;
import org.relief.assessment.InstrumentResponse;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.evaluation.EvaluationFacts;
import org.relief.evaluation.Evaluations;
import org.relief.medication.BloodThinnerList;
import org.relief.patient.Chart;
import org.relief.patient.ChartService;
import org.relief.patient.ConservativeCare;
import org.relief.patient.EntryRecorded;
import org.relief.patient.PainProblems;
import org.relief.patient.Patients;
import org.relief.patient.TreatmentCatalogue;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.Outcome;
import org.relief.procedure.rules.Policy;
import org.relief.procedure.rules.RuleEngine;
import org.relief.record.Versioned;
import org.relief.screening.SafetyGate;
import org.relief.screening.SafetyProtocol;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.Labels;
import org.relief.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ordering procedures: gathers the facts from the chart, evaluation, instruments, earlier procedures and the safety
 * protocol, runs the rule engine with the policy values in force, and stores the order with every outcome. A BLOCK
 * stops the order unless the physician overrides it with a written reason (never the safety hold).
 */
@Service
public class Orders {
    // Why over 300 lines: an order's life (check, order, override, cancel, document, follow up) behind one guard; next
    // split: documentation and follow-up.

    private final JdbcClient jdbc;
    private final ChartService charts;
    private final Evaluations evaluations;
    private final Assessments assessments;
    private final SafetyProtocol safety;
    private final PolicyValues policies;
    private final Patients patients;
    private final ChartAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final SafetyGate gate;
    private final TreatmentCatalogue catalogue;
    private final BloodThinnerList bloodThinners;
    private final RuleEngine engine = new RuleEngine();

    Orders(
            JdbcClient jdbc,
            ChartService charts,
            Evaluations evaluations,
            Assessments assessments,
            SafetyProtocol safety,
            PolicyValues policies,
            Patients patients,
            ChartAccess access,
            AuditLog audit,
            Clock clock,
            SafetyGate gate,
            TreatmentCatalogue catalogue,
            BloodThinnerList bloodThinners) {
        this.bloodThinners = bloodThinners;
        this.jdbc = jdbc;
        this.charts = charts;
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.safety = safety;
        this.policies = policies;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.gate = gate;
        this.catalogue = catalogue;
    }

    /** Runs the rules without storing an order (the form's "check" button and the benchmark). */
    @Transactional(readOnly = true)
    public RuleEngine.Result check(Actor actor, UUID patientId, Facts.Order order) {
        access.open(actor, patientId, Purpose.read("check a procedure order against the rules"));
        validate(order);
        return engine.evaluate(order, history(actor, patientId), policies.current());
    }

    /**
     * The rules' decision on the same order for each of several days, the facts read once: the scheduling
     * optimiser's hard rule for a procedure (a BLOCK on a day forbids it; intervals, blood-thinner holds, yearly
     * limits and the safety hold are the rules' own).
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, RuleEngine.Result> checkDays(
            Actor actor, UUID patientId, Facts.Order order, List<LocalDate> days) {
        access.open(actor, patientId, Purpose.read("check a procedure on the days of a proposed schedule"));
        Facts.History history = history(actor, patientId);
        Policy policy = policies.current();
        Map<LocalDate, RuleEngine.Result> out = new java.util.LinkedHashMap<>();
        for (LocalDate day : days) {
            out.put(
                    day,
                    engine.evaluate(
                            new Facts.Order(
                                    order.type(),
                                    order.region(),
                                    order.side(),
                                    order.levels(),
                                    day,
                                    order.indication(),
                                    order.steroidMg(),
                                    order.particulateSteroid(),
                                    order.imageGuidance(),
                                    order.intraArticularReason(),
                                    order.bleedingRiskFactors(),
                                    order.vertebral()),
                            history,
                            policy));
        }
        return out;
    }

    /**
     * Places an order: the physician orders; the decision and its reasons are stored with it. While interventional
     * care is on hold the safety gate refuses the order before anything is stored (audited); the rules' own
     * safety-hold BLOCK stays as a second line.
     */
    @Transactional
    public ProcedureOrder order(Actor actor, UUID patientId, Facts.Order order) {
        OpenChart chart = access.open(actor, patientId, Purpose.write("order a procedure"), Permission.ORDER_PROCEDURE);
        validate(order);
        gate.requireNoHold(actor, patientId, "order " + order.type().label());
        Policy policy = policies.current();
        RuleEngine.Result result = engine.evaluate(order, history(actor, patientId), policy);
        return find(store(actor, patientId, order, result, null, chart));
    }

    /** Stores an order and its outcomes; {@code chart} is the chart the ordering physician opened (null: a rule's). */
    private UUID store(
            Actor actor,
            UUID patientId,
            Facts.Order order,
            RuleEngine.Result result,
            UUID recordedEntry,
            OpenChart chart) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into procedure_order (id, patient_id, type, region, side, levels, planned_date, indication,
                    steroid_mg, particulate, image_guidance, ia_reason, bleeding_factors, vertebral, decision, ordered_by,
                    recorded_entry_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        patientId,
                        order.type().name(),
                        order.region().name(),
                        order.side().name(),
                        order.levels(),
                        order.plannedDate(),
                        order.indication().name(),
                        order.steroidMg(),
                        order.particulateSteroid(),
                        order.imageGuidance(),
                        order.intraArticularReason(),
                        order.bleedingRiskFactors(),
                        order.vertebral() == null ? null : VertebralCodec.write(order.vertebral()),
                        result.decision().name(),
                        actor.username(),
                        recordedEntry)
                .update();
        for (Outcome o : result.outcomes()) {
            jdbc.sql("insert into procedure_order_outcome (order_id, rule, decision, reason, source, policy) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            o.rule(),
                            o.decision().name(),
                            o.reason(),
                            o.source(),
                            o.policyUsed().stream()
                                    .map(v -> v.key() + " = " + v.shown() + " [policy row " + v.id() + "]")
                                    .collect(Collectors.joining("; ")))
                    .update();
        }
        String what = (recordedEntry == null ? "ordered " : "documented without an order: ")
                + order.type().label() + " for " + order.plannedDate() + ": " + Labels.of(result.decision());
        if (chart != null) {
            chart.audit(AuditAction.CREATE, what);
        } else {
            audit.record(actor, patientId, AuditAction.CREATE, what, "OK");
        }
        return id;
    }

    /**
     * A procedure documented without an order runs the rules after the fact (inside the documenting transaction);
     * the decision is kept like an order's, pointing at the documented procedure, so a BLOCK is visible and may be
     * overridden with a reason like any other.
     */
    @EventListener
    void onDocumented(EntryRecorded event) {
        if (event.kind() != ProcedureKinds.PERFORMED || !(event.data() instanceof Performed p) || p.orderId() != null) {
            return;
        }
        Facts.Order asOrder = new Facts.Order(
                p.type(),
                p.region(),
                p.side(),
                p.levels(),
                p.performedOn(),
                Facts.Indication.OTHER,
                p.steroidMg() == null ? null : p.steroidMg().doubleValue(),
                false,
                p.imageGuidance() != Documentation.Guidance.NONE,
                null,
                false,
                null);
        RuleEngine.Result result = engine.evaluate(
                asOrder, history(event.actor(), event.patientId(), event.entryId()), policies.current());
        store(event.actor(), event.patientId(), asOrder, result, event.entryId(), null);
    }

    /** A procedure documented against a cancelled order is refused (the documenting transaction rolls back). */
    @EventListener
    void refuseCancelledOrder(EntryRecorded event) {
        if (event.kind() == ProcedureKinds.PERFORMED
                && event.data() instanceof Performed p
                && p.orderId() != null
                && jdbc.sql("select count(*) from procedure_order_cancellation where order_id = ?")
                                .param(p.orderId())
                                .query(Integer.class)
                                .single()
                        > 0) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("orderId", "that order was cancelled: order the procedure again")));
        }
    }

    /**
     * The physician overrides a BLOCK with a written reason; the safety hold cannot be overridden, and no BLOCK is
     * overridden while interventional care is on hold (safety gate).
     */
    @Transactional
    public ProcedureOrder override(Actor actor, UUID patientId, UUID orderId, String reason) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("override the block on order " + orderId), Permission.OVERRIDE_BLOCK);
        ProcedureOrder order = orderIn(patientId, orderId);
        // an override lets a blocked procedure go ahead: not while interventional care is on hold
        gate.requireNoHold(
                actor,
                patientId,
                "override the BLOCK on " + order.order().type().label());
        if (order.decision() != Decision.BLOCK || order.override() != null || order.cancelled()) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "order",
                    order.cancelled()
                            ? "is cancelled"
                            : order.override() != null ? "is already overridden" : "is not blocked")));
        }
        if (order.outcomes().stream()
                .anyMatch(o -> o.rule().equals(RuleEngine.SAFETY_HOLD_RULE) && o.decision() == Decision.BLOCK)) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "order",
                    "the safety hold cannot be "
                            + "overridden: follow up the alert and release the hold, then order again")));
        }
        if (reason == null || reason.strip().length() < 10) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("reason", "write why the block is overridden (at least 10 characters)")));
        }
        jdbc.sql("insert into procedure_override (order_id, by_actor, reason) values (?, ?, ?)")
                .params(orderId, actor.username(), reason.strip())
                .update();
        chart.audit(
                AuditAction.UPDATE,
                "OVERRIDE of the block on " + order.order().type().label() + " (" + orderId + "): " + reason.strip());
        return find(orderId);
    }

    /**
     * The physician withdraws an order with a written reason. Nothing is deleted or changed: the cancellation is a
     * row of its own, audited; a cancelled order can no longer be documented or overridden. An order whose
     * procedure is already documented cannot be cancelled (the record of what was done stands).
     */
    @Transactional
    public ProcedureOrder cancel(Actor actor, UUID patientId, UUID orderId, String reason) {
        // who may cancel an order is who may place one
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("cancel order " + orderId), Permission.ORDER_PROCEDURE);
        ProcedureOrder order = orderIn(patientId, orderId);
        if (order.cancelled()) {
            throw new InvalidInputException(List.of(new FieldProblem("order", "is already cancelled")));
        }
        boolean documented = order.recordedEntryId() != null
                || charts.entries(actor, patientId, ProcedureKinds.PERFORMED).stream()
                        .anyMatch(v -> orderId.equals(v.data().orderId()));
        if (documented) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "order",
                    "the procedure is already " + "documented; correct or void the documented procedure instead")));
        }
        if (reason == null || reason.strip().length() < 5) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("reason", "write why the order is cancelled (at least 5 characters)")));
        }
        jdbc.sql("insert into procedure_order_cancellation (order_id, by_actor, reason) values (?, ?, ?)")
                .params(orderId, actor.username(), reason.strip())
                .update();
        chart.audit(
                AuditAction.UPDATE,
                "CANCELLED order " + order.order().type().label() + " (" + orderId + "): " + reason.strip());
        return find(orderId);
    }

    /** The patient's orders, for someone who may open the chart (audited). */
    @Transactional(readOnly = true)
    public List<ProcedureOrder> orders(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("procedure orders"));
        return ordersOf(patientId);
    }

    /** The order, if it is this patient's (else 404, as for an unknown order). */
    private ProcedureOrder orderIn(UUID patientId, UUID orderId) {
        ProcedureOrder order = find(orderId);
        if (!order.patientId().equals(patientId)) {
            throw new NotFoundException("No order " + orderId + " in this chart");
        }
        return order;
    }

    private List<ProcedureOrder> ordersOf(UUID patientId) {
        return jdbc
                .sql("select id from procedure_order where patient_id = ? order by ordered_at desc")
                .param(patientId)
                .query(UUID.class)
                .list()
                .stream()
                .map(this::find)
                .toList();
    }

    /** Every override in the clinic, newest first, for the admin's list. */
    @Transactional(readOnly = true)
    public List<ProcedureOrder> overrides() {
        return jdbc
                .sql("select order_id from procedure_override order by at desc limit 500")
                .query(UUID.class)
                .list()
                .stream()
                .map(this::find)
                .toList();
    }

    @Transactional(readOnly = true)
    public ProcedureOrder find(UUID id) {
        var outcomes = jdbc.sql("select * from procedure_order_outcome where order_id = ? order by id")
                .param(id)
                .query((rs, n) -> new ProcedureOrder.RecordedOutcome(
                        rs.getString("rule"),
                        Decision.valueOf(rs.getString("decision")),
                        rs.getString("reason"),
                        rs.getString("source"),
                        rs.getString("policy")))
                .list();
        var override = jdbc.sql("select * from procedure_override where order_id = ?")
                .param(id)
                .query((rs, n) -> new ProcedureOrder.Override(
                        rs.getString("by_actor"),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .optional()
                .orElse(null);
        var cancellation = jdbc.sql("select * from procedure_order_cancellation where order_id = ?")
                .param(id)
                .query((rs, n) -> new ProcedureOrder.Cancellation(
                        rs.getString("by_actor"),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .optional()
                .orElse(null);
        return jdbc.sql("select * from procedure_order where id = ?")
                .param(id)
                .query((rs, n) -> map(rs, outcomes, override, cancellation))
                .optional()
                .orElseThrow(() -> new NotFoundException("No procedure order " + id));
    }

    /** Gathers what the rules read. Reads are audited by the services they go through. */
    Facts.History history(Actor actor, UUID patientId) {
        return history(actor, patientId, null);
    }

    /** The history without one documented procedure (the one being checked after the fact). */
    Facts.History history(Actor actor, UUID patientId, UUID excludedProcedure) {
        Chart chart = charts.chart(actor, patientId);
        LocalDate today = LocalDate.now(clock);
        EvaluationFacts eval = evaluations.facts(actor, patientId).orElse(null);
        Map<String, InstrumentResponse> latest = assessments.latestByInstrument(patientId);
        List<Versioned<FollowUp>> followUps = charts.entries(actor, patientId, ProcedureKinds.FOLLOW_UP);
        List<Facts.PastProcedure> procedures = PastProcedures.merge(
                charts.entries(actor, patientId, ProcedureKinds.PERFORMED),
                followUps,
                chart.treatments(),
                catalogue,
                excludedProcedure);
        ConservativeCare conservative = ConservativeCare.of(chart.treatments(), catalogue, today);
        // the structured list with its last dose taken, and free text not structured yet (medication module)
        List<Facts.Thinner> thinners = bloodThinners.of(actor, patientId).stream()
                .map(t -> new Facts.Thinner(
                        t.name(), t.taken(), t.heldSince(), t.lastDoseTaken(), t.lastDoseRecordedOn()))
                .toList();
        List<Facts.Block> blocks = eval == null
                ? List.of()
                : eval.blocks().stream()
                        .map(b -> new Facts.Block(b.target(), b.on(), b.reliefPercent()))
                        .toList();
        List<Facts.Allergy> allergies = chart.allergies().stream()
                .map(Versioned::data)
                .map(a -> new Facts.Allergy(
                        a.substance(), a.reaction(), a.severity().name()))
                .toList();
        return new Facts.History(
                today,
                PainProblems.onset(chart.problems()),
                conservative.longestWeeks(),
                conservative.describe(),
                !chart.imaging().isEmpty(),
                procedures,
                eval == null || !eval.examined() ? null : eval.positiveSacroiliacTests(),
                blocks,
                eval == null || eval.psychClearance() == null ? null : Evaluations.cleared(eval.psychClearance()),
                eval == null ? null : eval.triggerPointsFound(),
                score(latest, "NRS"),
                score(latest, "RMDQ"),
                thinners,
                allergies,
                safety.isOnHold(patientId));
    }

    private static Integer score(Map<String, InstrumentResponse> latest, String code) {
        InstrumentResponse r = latest.get(code);
        return r == null || r.total() == null ? null : (int) Math.round(r.total());
    }

    /** The order's Bean Validation constraints (on {@link Facts.Order}), for every caller, not only the web. */
    private static final jakarta.validation.Validator VALIDATOR =
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    private static void validate(Facts.Order o) {
        List<FieldProblem> problems = VALIDATOR.validate(o).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ProcedureOrder map(
            ResultSet rs,
            List<ProcedureOrder.RecordedOutcome> outcomes,
            ProcedureOrder.Override override,
            ProcedureOrder.Cancellation cancellation)
            throws SQLException {
        var steroid = rs.getBigDecimal("steroid_mg");
        Facts.Order order = new Facts.Order(
                org.relief.procedure.rules.ProcedureType.valueOf(rs.getString("type")),
                Facts.Region.valueOf(rs.getString("region")),
                Facts.Side.valueOf(rs.getString("side")),
                rs.getInt("levels"),
                rs.getObject("planned_date", LocalDate.class),
                Facts.Indication.valueOf(rs.getString("indication")),
                steroid == null ? null : steroid.doubleValue(),
                rs.getBoolean("particulate"),
                rs.getBoolean("image_guidance"),
                rs.getString("ia_reason"),
                rs.getBoolean("bleeding_factors"),
                VertebralCodec.read(rs.getString("vertebral")));
        return new ProcedureOrder(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                order,
                Decision.valueOf(rs.getString("decision")),
                outcomes,
                rs.getString("ordered_by"),
                rs.getTimestamp("ordered_at").toInstant(),
                override,
                rs.getObject("recorded_entry_id", UUID.class),
                cancellation);
    }

    /** The vertebral findings as a short flag string ("fracture,painFromFracture,..."). */
    static final class VertebralCodec {

        private VertebralCodec() {}

        static String write(Facts.VertebralFindings v) {
            List<String> flags = new ArrayList<>();
            if (v.fractureConfirmedOnImaging()) {
                flags.add("fracture");
            }
            if (v.painFromFracture()) {
                flags.add("painFromFracture");
            }
            if (v.infectionAtSite()) {
                flags.add("infection");
            }
            if (v.pregnant()) {
                flags.add("pregnant");
            }
            if (v.worseningPain()) {
                flags.add("worsening");
            }
            if (v.heightLossOver25()) {
                flags.add("heightLoss");
            }
            if (v.kyphoticDeformity()) {
                flags.add("kyphosis");
            }
            if (v.relativeContraindication()) {
                flags.add("relative");
            }
            if (v.boneHealthReferral()) {
                flags.add("boneHealth");
            }
            return String.join(",", flags);
        }

        static Facts.VertebralFindings read(String s) {
            if (s == null) {
                return null;
            }
            Set<String> f = Set.of(s.split(","));
            return new Facts.VertebralFindings(
                    f.contains("fracture"),
                    f.contains("painFromFracture"),
                    f.contains("infection"),
                    f.contains("pregnant"),
                    f.contains("worsening"),
                    f.contains("heightLoss"),
                    f.contains("kyphosis"),
                    f.contains("relative"),
                    f.contains("boneHealth"));
        }
    }
}
