package org.relief.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.relief.plan.PlanVersion;

/**
 * The plan form as Spring binds it ({@code @Valid @ModelAttribute}): goal rows {@code goal[i].*} and therapy rows
 * {@code therapy[i].*}. A goal kind that is not one of the choices, a target that is not a number, a date that is not
 * a date (or out of the clinic's range) are binding errors named by their row ("Goal 1: kind"). A row left empty (no
 * description, no therapy chosen) is not part of the plan. What a plan needs beyond that (a goal, a therapy, owners
 * on the team, a start date) the plan service checks for every caller.
 *
 * @param basedOnVersion the plan version the proposer started from (0: no plan yet); null when the form lacks it
 */
record PlanForm(
        Integer basedOnVersion,

        @Size(max = 2000, message = "is too long: at most 2,000 characters")
        String changeReason,

        @Valid List<GoalRow> goal,
        @Valid List<TherapyRow> therapy) {

    record GoalRow(
            PlanVersion.GoalKind kind,

            @Size(max = 500, message = "is too long: at most 500 characters")
            String description,

            @Size(max = 100, message = "is too long: at most 100 characters")
            String measure,

            BigDecimal target,
            LocalDate targetDate) {}

    record TherapyRow(
            String code,
            UUID owner,

            @Size(max = 200, message = "is too long: at most 200 characters")
            String frequency,

            @Size(max = 200, message = "is too long: at most 200 characters")
            String duration,

            @Size(max = 200, message = "is too long: at most 200 characters")
            String region,

            @Size(max = 50, message = "is too long: at most 50 characters")
            String side,

            LocalDate start,
            LocalDate end) {}

    /** The goals of the filled rows (a row without a description is empty; its kind is "personal" if unset). */
    List<PlanVersion.Goal> goals() {
        List<PlanVersion.Goal> goals = new ArrayList<>();
        for (GoalRow g : goal == null ? List.<GoalRow>of() : goal) {
            if (g == null || blank(g.description()) == null) {
                continue;
            }
            goals.add(new PlanVersion.Goal(
                    g.kind() == null ? PlanVersion.GoalKind.PERSONAL : g.kind(),
                    g.description().strip(),
                    blank(g.measure()),
                    g.target(),
                    g.targetDate()));
        }
        return goals;
    }

    /** The therapies of the filled rows (a row without a therapy chosen is empty). */
    List<PlanVersion.PlannedTherapy> therapies() {
        List<PlanVersion.PlannedTherapy> list = new ArrayList<>();
        for (TherapyRow t : therapy == null ? List.<TherapyRow>of() : therapy) {
            if (t == null || blank(t.code()) == null) {
                continue;
            }
            list.add(new PlanVersion.PlannedTherapy(
                    t.code().strip(),
                    t.owner(),
                    null,
                    strip(t.frequency()),
                    strip(t.duration()),
                    blank(t.region()),
                    blank(t.side()),
                    t.start(),
                    t.end()));
        }
        return list;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
