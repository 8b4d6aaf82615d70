package org.relief.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One version of a patient's team plan. */
public record PlanVersion(
        UUID id,
        UUID patientId,
        int version,
        String changeReason,
        String warning,
        String createdBy,
        Instant createdAt,
        String signedBy,
        Instant signedAt,
        List<Goal> goals,
        List<PlannedTherapy> therapies) {

    public boolean signed() {
        return signedBy != null;
    }

    /** A goal: pain, function (e.g. ODI, PEG) or the patient's own words, with a target and date where set. */
    public record Goal(GoalKind kind, String description, String measure, BigDecimal target, LocalDate targetDate) {}

    public enum GoalKind {
        PAIN,
        FUNCTION,
        PERSONAL
    }

    /** A therapy in the plan with its owner, frequency, duration and where it applies. */
    public record PlannedTherapy(
            String therapyCode,
            UUID ownerId,
            String ownerName,
            String frequency,
            String duration,
            String region,
            String side,
            LocalDate startDate,
            LocalDate endDate) {

        public String therapyName() {
            return TherapyCatalog.byCode(therapyCode).map(Therapy::name).orElse(therapyCode);
        }
    }
}
