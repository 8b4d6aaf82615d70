package org.relief.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.patient.CareGuard;
import org.relief.patient.Step;
import org.relief.shared.CareOnHoldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one guard that decides whether a patient may be moved toward interventional care. While a safety alert is
 * open or a hold is on (see {@link SafetyProtocol}), every route that would move the patient on asks it and is
 * refused before anything is stored: a step change (it is the patient module's {@link CareGuard}), signing the
 * evaluation (to planning), a psychological evaluation recorded as cleared while an alert is open, a plan with an
 * interventional therapy, a procedure order or the override of a blocked one, documenting a procedure performed
 * here during the hold, and the candidacy call "candidate". Each refusal is written to the audit log (DENIED, with
 * the hold in words) and thrown as {@link CareOnHoldException} (409). The door to mental health stays open: moves
 * back to "Deferred to mental health" or out ("Discharged") are always allowed. Source: rules reference section 1
 * ("psychosis or suicidal ideation present: do not start the interventional programme; route to the mental health
 * therapist first").
 */
@Service
public class SafetyGate implements CareGuard {

    /** The steps a held patient may still be moved to: mental health first, or out of the clinic. */
    public static final Set<Step> OPEN_DURING_HOLD =
            Collections.unmodifiableSet(EnumSet.of(Step.DEFERRED_MENTAL_HEALTH, Step.DISCHARGED));

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SafetyGate(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Why interventional care is held for a patient.
     *
     * @param reason the active hold's reason, or null when only an alert is open (no hold row)
     * @param since when the hold was placed (or the oldest open alert raised)
     * @param openAlerts safety alerts without their documented follow-up
     */
    public record Held(String reason, Instant since, int openAlerts) {

        /** The day the hold began, in the clinic's time zone. */
        public LocalDate sinceDate() {
            return LocalDate.ofInstant(since, ZoneId.systemDefault());
        }

        /** The hold in words, for a refusal. */
        public String inWords() {
            String alerts = openAlerts == 0
                    ? "every alert is followed up; the physician has not released the hold yet"
                    : openAlerts == 1 ? "1 safety alert is open" : openAlerts + " safety alerts are open";
            return (reason == null ? "open safety alert" : readable(reason)) + ", since " + sinceDate() + " (" + alerts
                    + ")";
        }
    }

    /** What raised an alert, in words (the stored trigger is a code). */
    static String triggerLabel(String trigger) {
        return switch (trigger) {
            case "PHQ9_ITEM9" -> "PHQ-9 item 9";
            case "CSSRS" -> "C-SSRS screener";
            case "CLINICIAN_NOTE" -> "a clinician's report";
            default -> trigger;
        };
    }

    /** A stored hold reason ("Safety alert: suicidal ideation (PHQ9_ITEM9)") with its trigger code in words. */
    static String readable(String reason) {
        for (String code : java.util.List.of("PHQ9_ITEM9", "CSSRS", "CLINICIAN_NOTE")) {
            reason = reason.replace("(" + code + ")", "(" + triggerLabel(code) + ")");
        }
        return reason;
    }

    /** The hold on this patient's interventional care, if any (an active hold, or an open alert). */
    public Optional<Held> held(UUID patientId) {
        // one statement, one round trip: the open alerts (count, oldest) and the first active hold beside them (the
        // chart page asks on every request: issue 16)
        Object[] found = jdbc.sql("""
                        select alerts.n, alerts.oldest, h.reason, h.placed_at
                        from (select count(*) as n, min(a.raised_at) as oldest from safety_alert a
                              where a.patient_id = ?
                                and not exists (select 1 from safety_followup f where f.alert_id = a.id)) alerts
                        left join lateral (
                              select h.reason, h.placed_at from care_hold h
                              where h.patient_id = ?
                                and not exists (select 1 from care_hold_release r where r.hold_id = h.id)
                              order by h.placed_at limit 1) h on true""")
                .params(patientId, patientId)
                .query((rs, n) -> new Object[] {
                    rs.getInt("n"), rs.getTimestamp("oldest"), rs.getString("reason"), rs.getTimestamp("placed_at")
                })
                .single();
        int openAlerts = (Integer) found[0];
        if (found[3] != null) {
            return Optional.of(new Held((String) found[2], ((java.sql.Timestamp) found[3]).toInstant(), openAlerts));
        }
        if (openAlerts == 0) {
            return Optional.empty();
        }
        return Optional.of(new Held(null, ((java.sql.Timestamp) found[1]).toInstant(), openAlerts));
    }

    /** Whether interventional care is held for this patient (an active hold or an open alert). */
    public boolean onHold(UUID patientId) {
        return held(patientId).isPresent();
    }

    /** Whether a held patient may still be moved to {@code target} (mental health first, or discharge). */
    public static boolean allows(Step target) {
        return OPEN_DURING_HOLD.contains(target);
    }

    @Override
    public boolean allowsStep(UUID patientId, Step target) {
        return allows(target) || !onHold(patientId);
    }

    /** Whether care is held is read once for all the steps (twice the queries per step before; issue 16). */
    @Override
    public java.util.function.Predicate<Step> stepsAllowed(UUID patientId) {
        boolean held = onHold(patientId);
        return target -> allows(target) || !held;
    }

    @Override
    public void requireStep(Actor actor, UUID patientId, Step target, String action) {
        if (!allows(target)) {
            requireNoHold(actor, patientId, action);
        }
    }

    /** Refuses {@code action} (audited DENIED, {@link CareOnHoldException}) while care is held for the patient. */
    public void requireNoHold(Actor actor, UUID patientId, String action) {
        Optional<Held> held = held(patientId);
        if (held.isPresent()) {
            refuse(actor, patientId, action, held.get());
        }
    }

    /**
     * Refuses {@code action} about something done on {@code on} unless it was done before the hold began (a late
     * record of care given before the hold is a fact, not a move toward care). The day the hold began counts as
     * during the hold: which came first that day cannot be told.
     */
    public void requireBeforeHold(Actor actor, UUID patientId, LocalDate on, String action) {
        Optional<Held> held = held(patientId);
        if (held.isPresent() && (on == null || !on.isBefore(held.get().sinceDate()))) {
            refuse(actor, patientId, action + " on " + on + " (on or after the day the hold began)", held.get());
        }
    }

    /** Refuses {@code action} while a safety alert is open (a hold whose alerts are all followed up passes). */
    public void requireNoOpenAlert(Actor actor, UUID patientId, String action) {
        Optional<Held> held = held(patientId);
        if (held.isPresent() && held.get().openAlerts() > 0) {
            refuse(actor, patientId, action, held.get());
        }
    }

    private void refuse(Actor actor, UUID patientId, String action, Held held) {
        audit.record(
                actor, patientId, AuditAction.DENIED, action, "DENIED: interventional care on hold: " + held.inWords());
        throw new CareOnHoldException(action, held.inWords());
    }
}
