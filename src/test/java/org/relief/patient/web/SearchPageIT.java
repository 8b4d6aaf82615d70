package org.relief.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The search results' rows are kept per patient summary (SearchRows): a change of step shows at once, a clinic-wide
 * search's row has no step (its summary carries none) while the same patient's row in her own team's search keeps
 * it, and who is shown is still the search's decision.
 */
@IntegrationTest
class SearchPageIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    Patients patients;

    @Test
    void keptRowsFollowTheSummaryAndTheScope() {
        UUID id =
                fixture.patient().named("Quillrowsearch").physician("dr.patel").create();
        String mrn = patients.summary(id).mrn();
        Http patel = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);

        for (int visit = 0; visit < 2; visit++) { // the second search is served from the kept row
            String rows = patel.getAsHtmx("/patients?q=Quillrowsearch").body();
            assertThat(count(rows, "<tr>")).isEqualTo(2); // the header and the one patient
            assertThat(rows)
                    .contains("<a href=\"/patients/" + id + "\">Quillrowsearch, ")
                    .contains("<td>" + mrn + "</td>")
                    .contains("<span class=\"badge\">Referred</span>");
            // the full page shows the same row
            assertThat(patel.getAsBrowser("/patients?q=Quillrowsearch").body())
                    .contains("<a href=\"/patients/" + id + "\">Quillrowsearch, ")
                    .contains("<span class=\"badge\">Referred</span>");
        }

        patients.changeStep(fixture.actor("dr.patel"), id, Step.IN_EVALUATION, "first visit booked");
        String moved = patel.getAsHtmx("/patients?q=Quillrowsearch").body();
        assertThat(moved).contains("<span class=\"badge\">In evaluation</span>").doesNotContain(">Referred<");

        // dr.okafor is not on her team: her own search does not show the patient, a clinic-wide one by record
        // number does, without the step
        Http okafor = Http.session(port, "dr.okafor", IntegrationTest.DEMO_PASSWORD);
        assertThat(okafor.getAsHtmx("/patients?q=Quillrowsearch").body()).doesNotContain("Quillrowsearch, ");
        String clinic = okafor.getAsHtmx("/patients?scope=CLINIC&q=" + mrn).body();
        assertThat(clinic)
                .contains("<a href=\"/patients/" + id + "\">Quillrowsearch, ")
                .doesNotContain("class=\"badge\"");
        // and dr.patel's own search, after the clinic-wide row was kept, still shows her the step
        assertThat(patel.getAsHtmx("/patients?q=Quillrowsearch").body())
                .contains("<span class=\"badge\">In evaluation</span>");
    }

    private static int count(String text, String what) {
        return (int)
                Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
