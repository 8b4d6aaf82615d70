package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.outcomes.Exposure;
import org.relief.outcomes.Measure;
import org.relief.outcomes.OutcomeSeries;
import org.relief.plan.PlanVersion;
import org.relief.plan.PlanVersion.Goal;
import org.relief.plan.PlanVersion.GoalKind;
import org.relief.plan.PlanVersion.PlannedTherapy;

/** My plan's "what changed" and My progress's weekly means, in plain Java. */
class PortalViewsTest {

    @Test
    void whatChangedNamesTherapiesAddedAndStoppedAndGoals() {
        PlanVersion before = version(1, List.of("PT"), List.of("Walk to the shop"));
        PlanVersion after = version(2, List.of("CBT"), List.of("Walk to the shop", "Sleep through the night"));
        List<String> changes = PortalViews.changes(before, after);
        assertThat(changes)
                .anyMatch(c -> c.startsWith("Added: ") && !c.contains("Physical"))
                .anyMatch(c -> c.startsWith("Stopped: Physical therapy"))
                .contains("New goal: Sleep through the night");
        assertThat(PortalViews.changes(before, before))
                .singleElement()
                .asString()
                .contains("the same");
    }

    @Test
    void readingsAreAveragedByWeekFromTheFirstAndTherapyStartsAreMarked() {
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        OutcomeSeries series = new OutcomeSeries(
                Measure.NRS,
                List.of(
                        new OutcomeSeries.Reading(d0, 6),
                        new OutcomeSeries.Reading(d0.plusDays(6), 8),
                        new OutcomeSeries.Reading(d0.plusDays(7), 4),
                        new OutcomeSeries.Reading(d0.plusDays(14), 2)));
        var trend = PortalViews.trend("Pain", series, List.of(new Exposure("PT", d0.plusDays(7), null)));
        assertThat(trend.weeks()).extracting(PortalViews.Week::mean).containsExactly(7.0, 4.0, 2.0);
        assertThat(trend.points()).isEqualTo("0.0,30.0 50.0,60.0 100.0,80.0");
        assertThat(trend.starts())
                .singleElement()
                .satisfies(m -> assertThat(m.x()).isEqualTo(50.0));
    }

    private static PlanVersion version(int n, List<String> therapies, List<String> goals) {
        return new PlanVersion(
                UUID.randomUUID(),
                UUID.randomUUID(),
                n,
                "because",
                null,
                "dr.patel",
                Instant.now(),
                "dr.patel",
                Instant.now(),
                goals.stream()
                        .map(g -> new Goal(GoalKind.PERSONAL, g, null, null, null))
                        .toList(),
                therapies.stream()
                        .map(t -> new PlannedTherapy(t, null, null, null, null, null, null, null, null))
                        .toList());
    }
}
