package org.relief.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.Encounter;
import org.relief.patient.EntryKind;
import org.relief.patient.Medication;
import org.relief.patient.Problem;
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

    /**
     * The rows are kept per entry version and per reader's right to change them (ChartRows): a correction shows at
     * once, a void takes the row away, and a reader who may not change a kind never gets another reader's links
     * for it, nor loses her own on the rows after it (a row rendered for one reader once replaced the page's list of
     * what she may write).
     */
    @Test
    void keptRowsFollowTheVersionAndTheReader() {
        UUID id = fixture.patient()
                .physician("dr.patel")
                .onTeamOf("pt.garcia")
                .withProblem(new Problem("M54.16", "Lumbar radiculopathy, first wording", null, ClinicalStatus.ACTIVE))
                .withMedication(new Medication(
                        "gabapentin",
                        null,
                        DrugClass.GABAPENTINOID,
                        "300 mg",
                        "three times a day",
                        "oral",
                        null,
                        MedicationStatus.ACTIVE))
                .with(EntryKind.ENCOUNTER, new Encounter(LocalDate.now(), "Follow-up", "Dr. Patel", "Plan reviewed"))
                .create();
        Http patel = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        Http garcia = Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD);

        for (int visit = 0; visit < 2; visit++) { // the second visit is served from the kept rows
            String byPatel = patel.getAsBrowser("/patients/" + id).body();
            assertThat(correctLinks(byPatel, "medications")).isEqualTo(1);
            assertThat(correctLinks(byPatel, "problems")).isEqualTo(1);
            assertThat(correctLinks(byPatel, "encounters")).isEqualTo(1);

            // a physical therapist may correct problems and encounters, not medications (prescribers only)
            String byGarcia = garcia.getAsBrowser("/patients/" + id).body();
            assertThat(byGarcia).contains("gabapentin");
            assertThat(correctLinks(byGarcia, "medications")).isZero();
            assertThat(correctLinks(byGarcia, "problems")).isEqualTo(1);
            assertThat(correctLinks(byGarcia, "encounters")).isEqualTo(1); // after the medications on the page
        }

        var problem = charts.chart(fixture.actor("dr.patel"), id).problems().get(0);
        charts.correct(
                fixture.actor("dr.patel"),
                id,
                EntryKind.PROBLEM,
                problem.entryId(),
                problem.version(),
                new Problem("M54.16", "Lumbar radiculopathy, second wording", null, ClinicalStatus.ACTIVE),
                "clearer");
        var encounter = charts.chart(fixture.actor("dr.patel"), id).encounters().get(0);
        charts.voidEntry(
                fixture.actor("dr.patel"),
                id,
                EntryKind.ENCOUNTER,
                encounter.entryId(),
                encounter.version(),
                "wrong chart");

        String after = patel.getAsBrowser("/patients/" + id).body();
        assertThat(after)
                .contains("Lumbar radiculopathy, second wording")
                .doesNotContain("first wording")
                .contains("History (v2)")
                .doesNotContain("Plan reviewed")
                .contains("No visits yet.");
    }

    private static int correctLinks(String page, String slug) {
        return count(page, "/" + slug + "/", "/edit\">Correct</a>");
    }

    private static int count(String text, String prefix, String suffix) {
        return (int) Pattern.compile(Pattern.quote(prefix) + "[0-9a-f-]{36}" + Pattern.quote(suffix))
                .matcher(text)
                .results()
                .count();
    }

    private static int count(String text, String what) {
        return (int)
                Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
