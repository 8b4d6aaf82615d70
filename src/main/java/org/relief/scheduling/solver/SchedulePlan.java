package org.relief.scheduling.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;

/** The problem and, once solved, the proposal: visits with their slots, the clinicians' hours, what is booked. */
@PlanningSolution
public class SchedulePlan {

    @ProblemFactCollectionProperty
    private List<StaffWindow> windows;

    @ProblemFactCollectionProperty
    private List<Taken> taken;

    @PlanningEntityCollectionProperty
    private List<Visit> visits;

    @PlanningScore
    private HardMediumSoftScore score;

    public SchedulePlan() {}

    public SchedulePlan(List<StaffWindow> windows, List<Taken> taken, List<Visit> visits) {
        this.windows = windows;
        this.taken = taken;
        this.visits = visits;
    }

    public List<StaffWindow> getWindows() {
        return windows;
    }

    public List<Taken> getTaken() {
        return taken;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
