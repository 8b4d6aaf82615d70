package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.portal.Diary.DiaryDay;

/**
 * The dashboard's diary signals with the source's number: the PEG's meaningful change is 1.0 point (Reed, J Pain
 * 2023, as {@code Instruments.PEG} carries it); a rise of at least that over a week shows, less does not.
 */
class DiarySignalsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void aWeeklyPegRiseOfTheMeaningfulChangeShows() {
        List<String[]> signals = DiarySignals.signals(twoWeeks(4, 5), TODAY, 3);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s[0]).isEqualTo("PEG up 1.0 points over a week");
            assertThat(s[1]).contains("4.0 the week before").contains("Reed");
        });
    }

    @Test
    void aSmallerRiseOrAFallDoesNotShow() {
        // items 4,4,4 the first week; 4,5,4 (mean 4.33) the second: up 0.33
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 13; i >= 7; i--) {
            days.add(day(TODAY.minusDays(i), 4, 4, 4));
        }
        for (int i = 6; i >= 0; i--) {
            days.add(day(TODAY.minusDays(i), 4, 5, 4));
        }
        assertThat(DiarySignals.signals(days, TODAY, 3)).isEmpty();
        assertThat(DiarySignals.signals(twoWeeks(6, 3), TODAY, 3)).isEmpty();
    }

    @Test
    void aSilentDiaryShowsFromTheClinicsSettingOn() {
        List<DiaryDay> lastTwoDaysAgo = List.of(day(TODAY.minusDays(2), 4, 4, 4));
        assertThat(DiarySignals.signals(lastTwoDaysAgo, TODAY, 3)).isEmpty();
        List<DiaryDay> lastThreeDaysAgo = List.of(day(TODAY.minusDays(3), 4, 4, 4));
        assertThat(DiarySignals.signals(lastThreeDaysAgo, TODAY, 3))
                .singleElement()
                .satisfies(s -> assertThat(s[0]).isEqualTo("Last diary entry 3 days ago"));
    }

    private static List<DiaryDay> twoWeeks(int before, int after) {
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 13; i >= 7; i--) {
            days.add(day(TODAY.minusDays(i), before, before, before));
        }
        for (int i = 6; i >= 0; i--) {
            days.add(day(TODAY.minusDays(i), after, after, after));
        }
        return days;
    }

    static DiaryDay day(LocalDate day, int p, int e, int g) {
        return new DiaryDay(day, p, p, e, g, 5, 10, List.of(), null, List.of(), null, null, null);
    }
}
