package org.relief.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.patient.ChartService;
import org.relief.patient.Encounter;
import org.relief.patient.EntryKind;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The chart page shows a long section's newest 20 rows with its total; {@code ?full=true} shows them all. */
@IntegrationTest
class ChartPageIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    ChartService charts;

    @Test
    void aLongSectionShowsItsNewestRowsAndTheirTotal() {
        UUID id = fixture.patient().physician("dr.patel").create();
        LocalDate first = LocalDate.now().minusDays(30);
        for (int day = 0; day < 23; day++) {
            charts.add(
                    fixture.actor("dr.patel"),
                    id,
                    EntryKind.ENCOUNTER,
                    new Encounter(first.plusDays(day), "Follow-up", "Dr. Patel", "Visit on day " + day));
        }
        Http web = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);

        String page = web.getAsBrowser("/patients/" + id).body();
        assertThat(count(page, "id=\"encounters-")).isEqualTo(20);
        assertThat(page)
                .contains("Visit on day 22") // the newest
                .contains("Visit on day 3")
                .doesNotContain("Visit on day 2<") // the three oldest are left out
                .contains("Show all 23")
                .contains("<span class=\"badge\">23</span>");

        String full = web.getAsBrowser("/patients/" + id + "?full=true").body();
        assertThat(count(full, "id=\"encounters-")).isEqualTo(23);
        assertThat(full).contains("Visit on day 0<").doesNotContain("Show all 23");
    }

    private static int count(String text, String what) {
        return (int)
                Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
