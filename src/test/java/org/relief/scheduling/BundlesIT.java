package org.relief.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/**
 * Booking a procedure whose type has a bundle (V86: a sacroiliac joint injection) offers it on the page it returns
 * to: physical therapy within the setting's days after (7 by default) and the follow-up visit on the setting's day
 * (14), each a link that fills the booking form in; a type without a bundle offers nothing.
 */
@IntegrationTest
class BundlesIT {

    static final UUID FLUORO_1 = UUID.fromString("5c0e0000-0000-4000-8000-000000000006");

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Test
    void bookingTheProcedureOffersItsBundleAndTheLinkFillsTheFormIn() {
        Actor patel = fixture.actor("dr.patel");
        Actor therapist = fixture.actor("pt.garcia");
        UUID patient = fixture.patient()
                .named("Bundleperson")
                .onTeamOf("dr.patel", "pt.garcia")
                .create();
        Http desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        String base = "/patients/" + patient + "/appointments";
        LocalDate day = AppointmentsIT.monday(17).plusDays(1);
        HttpResponse<String> booked = desk.postForm(
                base,
                Map.of(
                        "type", "SIJ_INJ",
                        "staffId", patel.staffId().toString(),
                        "roomId", FLUORO_1.toString(),
                        "date", day.toString(),
                        "start", "09:00"));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(302);
        String page = desk.get(base).body();
        assertThat(page)
                .contains("Book its bundle")
                .contains("Physical therapy session")
                .contains("between " + day.plusDays(1) + " and " + day.plusDays(7))
                .contains("Follow-up visit")
                .contains("on " + day.plusDays(14))
                .contains("bundle-book-PT_SESSION");
        // the offer is shown once, after the booking
        assertThat(desk.get(base).body()).doesNotContain("Book its bundle");

        String filled =
                desk.get(base + "?type=PT_SESSION&date=" + day.plusDays(1)).body();
        assertThat(filled)
                .containsPattern("<option value=\"PT_SESSION\" selected=\"selected\"")
                .contains("id=\"book-date\" name=\"date\" value=\"" + day.plusDays(1) + "\"");

        HttpResponse<String> pt = desk.postForm(
                base,
                Map.of(
                        "type", "PT_SESSION",
                        "staffId", therapist.staffId().toString(),
                        "roomId", AppointmentsIT.GYM.toString(),
                        "date", day.plusDays(1).toString(),
                        "start", "09:00"));
        assertThat(pt.statusCode()).isEqualTo(302);
        assertThat(desk.get(base).body()).doesNotContain("Book its bundle");
    }
}
