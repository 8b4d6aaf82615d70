package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Change from baseline with the source numbers of shared/CLINICAL_RULES.md §11: NRS meaningful at 2 points or 30%
 * (Farrar 2001); IMMPACT 2008 pain-reduction grades 10-20% minimal, >= 30% moderate, >= 50% substantial.
 */
class BaselineChangeTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    @Test
    void aFallFromSevenToFourOverThreeMonthsIsAModerateClinicallyImportantImprovement() {
        BaselineChange c = BaselineChange.of(Instruments.NRS, START, 7, 4);
        assertThat(c.points()).isEqualTo(-3);
        assertThat(c.percent()).isCloseTo(-42.857, within(0.001));
        assertThat(c.percentShown()).isEqualTo("-43%");
        assertThat(c.direction()).isEqualTo("improved"); // 3 points >= 2 (Farrar)
        assertThat(c.grade()).isEqualTo("moderate"); // 43% is >= 30% and < 50% (IMMPACT)
        assertThat(c.summary()).isEqualTo("moderate improvement (clinically important)");
    }

    @Test
    void immpactGradesAtTheirBoundaries() {
        assertThat(BaselineChange.of(Instruments.NRS, START, 8, 4).grade()).isEqualTo("substantial"); // 50%
        assertThat(BaselineChange.of(Instruments.NRS, START, 10, 5).summary())
                .isEqualTo("substantial improvement (clinically important)");
        assertThat(BaselineChange.of(Instruments.NRS, START, 10, 6).grade()).isEqualTo("moderate"); // 40%
        assertThat(BaselineChange.of(Instruments.NRS, START, 10, 7).grade()).isEqualTo("moderate"); // 30%
        assertThat(BaselineChange.of(Instruments.NRS, START, 10, 8).grade()).isEqualTo("minimal"); // 20%
        assertThat(BaselineChange.of(Instruments.NRS, START, 10, 9).grade()).isEqualTo("minimal"); // 10%
        BaselineChange small = BaselineChange.of(Instruments.NRS, START, 10, 8);
        assertThat(small.direction()).isEqualTo("improved"); // 2 points is meaningful (Farrar) though only 20%
        BaselineChange tiny = BaselineChange.of(Instruments.NRS, START, 8, 7); // 12.5%, 1 point
        assertThat(tiny.grade()).isEqualTo("minimal");
        assertThat(tiny.direction()).isNull();
        assertThat(tiny.summary()).isEqualTo("minimal improvement");
        assertThat(BaselineChange.of(Instruments.NRS, START, 10, 10).summary()).isEqualTo("no meaningful change");
    }

    @Test
    void worseningIsMarkedWithoutAnImprovementGrade() {
        BaselineChange c = BaselineChange.of(Instruments.NRS, START, 4, 7);
        assertThat(c.direction()).isEqualTo("worsened");
        assertThat(c.grade()).isNull();
        assertThat(c.percentShown()).isEqualTo("+75%");
        assertThat(c.summary()).isEqualTo("meaningfully worsened");
    }

    @Test
    void otherInstrumentsUseTheirOwnFigureAndNoPainGrade() {
        // ODI: 10 points or 30% (Ostelo 2008): 40 -> 28 is 12 points
        BaselineChange odi = BaselineChange.of(Instruments.ODI, START, 40, 28);
        assertThat(odi.direction()).isEqualTo("improved");
        assertThat(odi.grade()).isNull();
        assertThat(odi.summary()).isEqualTo("meaningfully improved");
        // Roland-Morris: 5 points (Ostelo 2008): 18 -> 14 is not enough
        assertThat(BaselineChange.of(Instruments.RMDQ, START, 18, 14).direction())
                .isNull();
        assertThat(BaselineChange.of(Instruments.NRS, START, 0, 2).percent()).isNull();
    }
}
