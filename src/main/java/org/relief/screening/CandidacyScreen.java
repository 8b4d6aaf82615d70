package org.relief.screening;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.patient.Chart;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.ConservativeCare;
import org.relief.patient.PainProblems;
import org.relief.patient.TreatmentCatalogue;
import org.relief.screening.CandidacyRules.Decision;
import org.relief.screening.CandidacyRules.Outcome;
import org.relief.shared.FieldProblem;
import org.relief.shared.Inputs;
import org.relief.shared.InvalidInputException;
import org.relief.shared.Labels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Runs the candidacy rules on a patient's chart and safety status, and records the physician's final call
 * (disagreeing with the screen is allowed, with a reason).
 */
@Service
public class CandidacyScreen {

    private static final Set<DrugClass> PAIN_CLASSES = Set.of(
            DrugClass.OPIOID,
            DrugClass.NSAID,
            DrugClass.GABAPENTINOID,
            DrugClass.ANALGESIC_OTHER,
            DrugClass.MUSCLE_RELAXANT);

    /** A recorded final call. */
    public record Call(
            Outcome screenOutcome, Outcome finalCall, boolean agrees, String reason, String by, Instant at) {}

    private final ChartService charts;
    private final SafetyProtocol safety;
    private final SafetyGate gate;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CandidacyRules rules;
    private final TreatmentCatalogue catalogue;
    private final ChartAccess access;

    /** The candidacy call form: the physician's final call, and why when it differs from the screen. */
    public record CallForm(
            @NotNull(message = "choose the final call") Outcome finalCall, String reason) {}

    private final Validator validator;

    CandidacyScreen(
            ChartService charts,
            SafetyProtocol safety,
            SafetyGate gate,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            @Value("${relief.rules.chronic-pain-months:3}") int chronicMonths,
            TreatmentCatalogue catalogue,
            ChartAccess access,
            Validator validator) {
        this.validator = validator;
        this.charts = charts;
        this.access = access;
        this.safety = safety;
        this.gate = gate;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = new CandidacyRules(chronicMonths);
        this.catalogue = catalogue;
    }

    /** Screens the patient now (reads the chart and safety status, both audited). */
    @Transactional(readOnly = true)
    public Decision screen(Actor actor, UUID patientId) {
        Chart chart = charts.chart(actor, patientId);
        SafetyStatus status = safety.status(actor, patientId);
        return rules.decide(facts(chart, status, catalogue, LocalDate.now(clock)));
    }

    /**
     * The screen's facts. "Traditional treatment tried without enough improvement" is the conservative care
     * documented as failed, the same fact the ESI and facet rules read ({@link ConservativeCare}).
     */
    static CandidacyRules.Facts facts(Chart chart, SafetyStatus status, TreatmentCatalogue catalogue, LocalDate today) {
        LocalDate onset = PainProblems.onset(chart.problems());
        boolean specific = PainProblems.specificCauseNamed(chart.problems());
        List<String> failed = ConservativeCare.of(chart.treatments(), catalogue, today).failed().stream()
                .map(ConservativeCare.Failed::describe)
                .distinct()
                .toList();
        List<String> meds = chart.medications().stream()
                .map(v -> v.data())
                .filter(m -> m.status() == MedicationStatus.ACTIVE && PAIN_CLASSES.contains(m.drugClass()))
                .map(m -> m.name())
                .toList();
        List<String> concerns = new ArrayList<>();
        status.alerts().stream()
                .filter(SafetyAlert::open)
                .forEach(a -> concerns.add(
                        "Open safety alert: " + a.concern().toLowerCase().replace('_', ' ')));
        if (status.onHold() && concerns.isEmpty()) {
            concerns.add("Interventional care on hold: " + status.hold().reason());
        }
        return new CandidacyRules.Facts(
                today, onset, specific, failed, meds, chart.imaging().size(), concerns);
    }

    /** The physician's final call; a call that differs from the screen needs a reason. */
    @Transactional
    public void recordCall(Actor actor, UUID patientId, Outcome finalCall, String reason) {
        recordCall(actor, patientId, new CallForm(finalCall, reason), null);
    }

    /**
     * The physician's call as the form was bound ({@code bound}: Spring's binding result, or null to check it here);
     * a bad form is refused after the guard. Whether the reason is needed depends on the screen: checked here.
     */
    @Transactional
    public void recordCall(Actor actor, UUID patientId, CallForm form, Errors bound) {
        OpenChart open = access.open(
                actor, patientId, Purpose.write("record the candidacy call"), Permission.RECORD_CANDIDACY_CALL);
        Decision decision = screen(actor, patientId);
        Inputs.check(validator, form, bound);
        Outcome finalCall = form.finalCall();
        String reason = form.reason();
        if (finalCall == Outcome.CANDIDATE) {
            gate.requireNoHold(actor, patientId, "call the patient a candidate for the interventional programme");
        }
        boolean agrees = finalCall == decision.outcome();
        if (!agrees && (reason == null || reason.strip().length() < 10)) {
            throw new InvalidInputException(List.of(
                    new FieldProblem("reason", "your call differs from the screen: say why (at least 10 characters)")));
        }
        if (finalCall == Outcome.CANDIDATE && decision.outcome() == Outcome.DEFER_MENTAL_HEALTH) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "finalCall", "a safety alert or hold is active: follow it up and release the hold first")));
        }
        jdbc.sql("""
                insert into candidacy_call (patient_id, screen_outcome, screen_reasons, final_call, agrees, reason,
                                            decided_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        patientId,
                        decision.outcome().name(),
                        decision.reasons().stream()
                                .map(r -> r.bearing() + ": " + r.text())
                                .collect(Collectors.joining("\n")),
                        finalCall.name(),
                        agrees,
                        reason == null || reason.isBlank() ? null : reason.strip(),
                        actor.username())
                .update();
        open.audit(
                AuditAction.CREATE,
                "candidacy call: " + Labels.of(finalCall)
                        + (agrees
                                ? " (agrees with the screen)"
                                : " (the screen said " + Labels.of(decision.outcome()) + ")"));
    }

    @Transactional(readOnly = true)
    public List<Call> calls(UUID patientId) {
        return jdbc.sql("select * from candidacy_call where patient_id = ? order by decided_at desc, id desc")
                .param(patientId)
                .query((rs, n) -> new Call(
                        Outcome.valueOf(rs.getString("screen_outcome")),
                        Outcome.valueOf(rs.getString("final_call")),
                        rs.getBoolean("agrees"),
                        rs.getString("reason"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }
}
