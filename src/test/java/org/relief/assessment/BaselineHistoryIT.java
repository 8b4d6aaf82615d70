package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A slow fall of pain, 1 point a month, is meaningful against the baseline though no single step is. */
@IntegrationTest
class BaselineHistoryIT {

    @LocalServerPort
    int port;

    @Autowired
    Assessments assessments;

    @Autowired
    ClinicFixture fixture;

    @Test
    void sevenToFourOverThreeMonthsIsMarkedAgainstTheBaselineAndShownWithItsPercent() {
        Actor physician = fixture.actor("dr.patel");
        UUID patientId = fixture.patient().create();
        LocalDate start = LocalDate.now().minusMonths(3);
        assessments.record(physician, patientId, "NRS", start, Map.of("pain", 7));
        assessments.record(physician, patientId, "NRS", start.plusMonths(1), Map.of("pain", 6));
        assessments.record(physician, patientId, "NRS", start.plusMonths(2), Map.of("pain", 5));
        assessments.record(physician, patientId, "NRS", start.plusMonths(3), Map.of("pain", 4));

        var nrs = assessments.history(physician, patientId).get("NRS");
        // step by step: 1 point each (14%, 17%, 20%): never meaningful against the reading before
        assertThat(nrs).extracting(InstrumentResponse::meaningfulChange).containsOnlyNulls();
        assertThat(nrs.get(0).fromBaseline()).isNull();
        BaselineChange last = nrs.get(3).fromBaseline();
        assertThat(last.baseline()).isEqualTo(7.0);
        assertThat(last.percentShown()).isEqualTo("-43%");
        assertThat(last.summary()).isEqualTo("moderate improvement (clinically important)");
        assertThat(nrs.get(3).meaningfulEither()).isEqualTo("improved");
        assertThat(nrs.get(1).fromBaseline().direction()).isNull(); // 7 -> 6: 1 point, 14%

        Http web = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        String page = web.get("/patients/" + patientId + "/instruments/NRS").body();
        assertThat(page)
                .contains("Since baseline")
                .contains("-3 (-43%)")
                .contains("moderate improvement (clinically important)")
                .contains("-43% since baseline: moderate improvement (clinically important)");
        String chart =
                web.get("/patients/" + patientId + "/instruments/section").body();
        assertThat(chart).contains("-43% since baseline").contains("moderate improvement (clinically important)");
    }
}
