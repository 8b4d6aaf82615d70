package org.relief.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Linked bundles: after a procedure is booked, the appointments its type's {@code bundle} names are offered, each
 * with the days it should fall on - the follow-up visit ({@value #FOLLOW_UP}) on the day
 * {@code relief.scheduling.bundle.follow-up-after-days} after the procedure, every other one (physical therapy) within
 * {@code relief.scheduling.bundle.within-days} after it. The procedure's recovery-bay time is part of its own booking
 * (its type's recovery minutes). Both numbers are the clinic's scheduling policy, settings, not clinical rules:
 * CLINICAL_RULES.md gives no interval for them.
 */
@Component
public class Bundles {

    /** The follow-up visit's type code. */
    public static final String FOLLOW_UP = "FOLLOW_UP";

    private final Resources resources;
    private final int withinDays;
    private final int followUpAfterDays;

    Bundles(
            Resources resources,
            @Value("${relief.scheduling.bundle.within-days:7}") int withinDays,
            @Value("${relief.scheduling.bundle.follow-up-after-days:14}") int followUpAfterDays) {
        this.resources = resources;
        this.withinDays = withinDays;
        this.followUpAfterDays = followUpAfterDays;
    }

    /** One appointment the bundle offers: its type and the first and last day it should be booked on. */
    public record Step(AppointmentType type, LocalDate from, LocalDate to) {

        public boolean onOneDay() {
            return from.equals(to);
        }
    }

    /** What booking this appointment offers to book after it (empty for a type without a bundle). */
    public List<Step> after(Appointment booked) {
        return steps(booked.type(), booked.day(), resources::type, withinDays, followUpAfterDays);
    }

    static List<Step> steps(
            AppointmentType procedure,
            LocalDate day,
            Function<String, Optional<AppointmentType>> types,
            int withinDays,
            int followUpAfterDays) {
        List<Step> out = new ArrayList<>();
        for (String code : procedure.bundle()) {
            types.apply(code)
                    .ifPresent(t -> out.add(
                            code.equals(FOLLOW_UP)
                                    ? new Step(t, day.plusDays(followUpAfterDays), day.plusDays(followUpAfterDays))
                                    : new Step(t, day.plusDays(1), day.plusDays(withinDays))));
        }
        return out;
    }
}
