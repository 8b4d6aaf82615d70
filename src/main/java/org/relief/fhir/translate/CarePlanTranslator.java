package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.relief.plan.PlanVersion;
import org.relief.plan.TherapyCatalog;

/**
 * Plan version -> CarePlan with its goals as Goal resources. The current version is {@code active} once the
 * physician signed it and {@code draft} until then; an earlier version is {@code revoked} and the next one
 * {@code replaces} it. Goals are per version (their id is the version's id and the goal's place in it).
 */
public final class CarePlanTranslator {

    static final String RELIEF_THERAPY = "urn:relief:therapy";

    private CarePlanTranslator() {}

    /** The version's CarePlan followed by its Goals; {@code current} says whether it is the latest version. */
    public static List<Resource> toFhir(PlanVersion v, boolean current, UUID previousVersionId, LocalDate today) {
        List<Resource> out = new ArrayList<>();
        CarePlan plan = new CarePlan();
        plan.setId(v.id().toString());
        plan.setStatus(
                !current
                        ? CarePlan.CarePlanStatus.REVOKED
                        : v.signed() ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.DRAFT);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Team treatment plan, version " + v.version());
        plan.setSubject(new Reference("Patient/" + v.patientId()));
        plan.setCreated(Date.from(v.createdAt()));
        if (previousVersionId != null) {
            plan.addReplaces(new Reference("CarePlan/" + previousVersionId));
        }
        if (v.changeReason() != null) {
            plan.addNote().setText("Why changed: " + v.changeReason());
        }
        plan.addNote()
                .setText(
                        v.signed()
                                ? "Signed by " + v.signedBy() + " on " + v.signedAt()
                                : "Proposed by " + v.createdBy() + ", not signed");
        for (int i = 0; i < v.goals().size(); i++) {
            Goal goal = goal(v, i, current);
            plan.addGoal(new Reference("Goal/" + goal.getIdPart()));
            out.add(goal);
        }
        for (PlanVersion.PlannedTherapy t : v.therapies()) {
            CarePlan.CarePlanActivityDetailComponent d = plan.addActivity().getDetail();
            d.setStatus(activityStatus(t, current, today));
            d.getCode()
                    .addCoding()
                    .setSystem(RELIEF_THERAPY)
                    .setCode(t.therapyCode())
                    .setDisplay(t.therapyName());
            // a CPT code only where the catalogue names exactly one for the therapy: which of several applies
            // depends on what is eventually done
            TherapyCatalog.byCode(t.therapyCode())
                    .filter(th -> th.cpt().size() == 1)
                    .ifPresent(th -> d.getCode()
                            .addCoding()
                            .setSystem(PerformedProcedureTranslator.CPT)
                            .setCode(th.cpt().get(0)));
            d.getCode().setText(t.therapyName());
            if (t.ownerId() != null) {
                d.addPerformer(new Reference("Practitioner/" + t.ownerId()).setDisplay(t.ownerName()));
            }
            d.getScheduledPeriod()
                    .setStartElement(
                            new org.hl7.fhir.r4.model.DateTimeType(t.startDate().toString()));
            if (t.endDate() != null) {
                d.getScheduledPeriod()
                        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(
                                t.endDate().toString()));
            }
            d.setDescription(describe(t));
        }
        out.add(0, plan);
        return out;
    }

    private static Goal goal(PlanVersion v, int index, boolean current) {
        PlanVersion.Goal g = v.goals().get(index);
        Goal goal = new Goal();
        goal.setId(v.id() + "-" + (index + 1));
        goal.setLifecycleStatus(
                !current
                        ? Goal.GoalLifecycleStatus.CANCELLED
                        : v.signed() ? Goal.GoalLifecycleStatus.ACTIVE : Goal.GoalLifecycleStatus.PROPOSED);
        goal.addCategory().setText(g.kind().name().toLowerCase());
        goal.getDescription().setText(g.description());
        goal.setSubject(new Reference("Patient/" + v.patientId()));
        if (g.measure() != null || g.target() != null || g.targetDate() != null) {
            Goal.GoalTargetComponent target = goal.addTarget();
            if (g.measure() != null) {
                target.getMeasure().setText(g.measure());
            }
            if (g.target() != null) {
                target.setDetail(new Quantity().setValue(g.target()));
            }
            if (g.targetDate() != null) {
                target.setDue(new DateType(g.targetDate().toString()));
            }
        }
        return goal;
    }

    private static CarePlanActivityStatus activityStatus(
            PlanVersion.PlannedTherapy t, boolean current, LocalDate today) {
        if (!current) {
            return CarePlanActivityStatus.STOPPED;
        }
        if (t.startDate().isAfter(today)) {
            return CarePlanActivityStatus.NOTSTARTED;
        }
        return t.endDate() != null && t.endDate().isBefore(today)
                ? CarePlanActivityStatus.COMPLETED
                : CarePlanActivityStatus.INPROGRESS;
    }

    private static String describe(PlanVersion.PlannedTherapy t) {
        StringBuilder s = new StringBuilder(t.therapyName());
        if (t.frequency() != null) {
            s.append(", ").append(t.frequency());
        }
        if (t.duration() != null) {
            s.append(", ").append(t.duration());
        }
        if (t.region() != null) {
            s.append(", ").append(t.region());
        }
        if (t.side() != null) {
            s.append(" (").append(t.side().toLowerCase()).append(")");
        }
        return s.toString();
    }
}
