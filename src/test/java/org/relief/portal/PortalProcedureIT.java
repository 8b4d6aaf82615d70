package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.Medication;
import org.relief.procedure.BeforeProcedure;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.StoredHolds.Kind;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Before your procedure: an ordered procedure reaches the patient's pages with the blood-thinner dates its order's
 * decision gave (rules reference section 9, Narouze et al. 2018: warfarin held 5 days before an intermediate-risk
 * procedure such as a transforaminal ESI, restart after 6 hours; naproxen needs no hold at intermediate risk); a
 * BLOCK still standing gives no dates; a cancelled order is gone; every read is audited as the patient's own.
 */
@IntegrationTest
class PortalProcedureIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Orders orders;

    @Autowired
    BeforeProcedure before;

    @Autowired
    JdbcClient jdbc;

    private static Medication med(String name, DrugClass drugClass) {
        return new Medication(name, null, drugClass, "1 tablet", "daily", "oral", null, MedicationStatus.ACTIVE);
    }

    private ProcedureOrder orderGoingAhead(Actor patel, UUID patient, LocalDate planned) {
        ProcedureOrder o = orders.order(patel, patient, ClinicFixture.lumbarEsi(planned));
        if (o.decision() == Decision.BLOCK) {
            o = orders.override(patel, patient, o.id(), "test: the blood-thinner page is what is checked here");
        }
        assertThat(o.mayProceed()).as(o.outcomes().toString()).isTrue();
        return o;
    }

    @Test
    void theOrderedProcedureShowsTheHoldDatesOfItsDecisionInPatientWords() {
        UUID patient = fixture.patient()
                .readyForLumbarEsi()
                .withMedication(med("Warfarin sodium 5 MG Oral Tablet", DrugClass.ANTICOAGULANT))
                .withMedication(med("Naproxen 220 MG Oral Tablet", DrugClass.NSAID))
                .create();
        Actor patel = fixture.actor("dr.patel");
        LocalDate planned = LocalDate.now().plusDays(21);
        ProcedureOrder order = orderGoingAhead(patel, patient, planned);
        PortalSupport.account(accounts, patel, patient, "before.warfarin");
        Actor self = accounts.principal("before.warfarin").orElseThrow().toActor("127.0.0.1");

        List<BeforeProcedure.Upcoming> upcoming = before.upcoming(self, patient);
        assertThat(upcoming).singleElement().satisfies(u -> {
            assertThat(u.orderId()).isEqualTo(order.id());
            assertThat(u.plannedDate()).isEqualTo(planned);
            assertThat(u.thinners()).hasSize(2);
            var warfarin = u.thinners().stream()
                    .filter(t -> t.medicine().startsWith("Warfarin"))
                    .findFirst()
                    .orElseThrow();
            assertThat(warfarin.kind()).isEqualTo(Kind.HOLD);
            assertThat(warfarin.noDoseFrom()).isEqualTo(planned.minusDays(5));
            assertThat(warfarin.lastDose()).isEqualTo(planned.minusDays(6));
            assertThat(warfarin.restart()).isEqualTo("6 hours");
            assertThat(u.thinners().stream()
                            .filter(t -> t.medicine().startsWith("Naproxen"))
                            .findFirst()
                            .orElseThrow()
                            .kind())
                    .isEqualTo(Kind.NO_HOLD);
        });

        Http http = PortalSupport.session(port, "before.warfarin");
        long auditBefore = lastAudit();
        HttpResponse<String> page = http.get("/portal/patients/" + patient + "/procedures");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Epidural steroid injection, transforaminal")
                .contains("Warfarin sodium 5 MG Oral Tablet")
                .contains("take your last dose on <strong class=\"last-dose\">"
                        + planned.minusDays(6).format(DAY) + "</strong>")
                .contains("Do not take it from <strong class=\"no-dose-from\">"
                        + planned.minusDays(5).format(DAY) + "</strong>")
                .contains("Start it again <span>6 hours</span> after the procedure")
                .contains("Also: <span>A normal INR on the day</span>.")
                .contains("you do not need to stop it for this procedure")
                // the catalogue's patient text for the procedure
                .contains("where one nerve root leaves the")
                // no number the data does not give: the catalogue says nothing about a driver, so neither does the page
                .doesNotContainIgnoringCase("driver")
                .doesNotContain("still checking");
        assertThat(auditedReads(auditBefore, patient, "patient:before.warfarin"))
                .isEqualTo(1);
        assertThat(http.get("/portal/patients/" + patient).body())
                .contains("id=\"home-procedures\"")
                .contains("/portal/patients/" + patient + "/procedures");

        // cancelled: no longer on the patient's pages
        orders.cancel(patel, patient, order.id(), "patient prefers to wait");
        assertThat(before.upcoming(self, patient)).isEmpty();
        assertThat(http.get("/portal/patients/" + patient + "/procedures").body())
                .contains("id=\"no-procedure\"")
                .doesNotContain("Warfarin");
    }

    @Test
    void aBlockStillStandingGivesNoDatesAndNoThinnerSaysTellTheClinic() {
        // warfarin still taken two days before: the 5-day hold can no longer be met, the rules BLOCK the order
        UUID blocked = fixture.patient()
                .readyForLumbarEsi()
                .withMedication(med("Warfarin sodium 5 MG Oral Tablet", DrugClass.ANTICOAGULANT))
                .create();
        Actor patel = fixture.actor("dr.patel");
        ProcedureOrder o = orders.order(
                patel, blocked, ClinicFixture.lumbarEsi(LocalDate.now().plusDays(2)));
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        PortalSupport.account(accounts, patel, blocked, "before.blocked");
        String body = PortalSupport.session(port, "before.blocked")
                .get("/portal/patients/" + blocked + "/procedures")
                .body();
        assertThat(body).contains("still checking this procedure").doesNotContain("last-dose");

        UUID none = fixture.patient().readyForLumbarEsi().create();
        orderGoingAhead(patel, none, LocalDate.now().plusDays(21));
        PortalSupport.account(accounts, patel, none, "before.none");
        assertThat(PortalSupport.session(port, "before.none")
                        .get("/portal/patients/" + none + "/procedures")
                        .body())
                .contains("Your medicine list has no blood thinner");
    }

    /** The patient's own audited reads of this page since {@code id} (audit rows may land a moment later). */
    private long auditedReads(long id, UUID patient, String actor) {
        long n = 0;
        for (int i = 0; i < 40 && n == 0; i++) {
            n = jdbc.sql("select count(*) from audit_event where id > ? and patient_id = ? and actor = ? "
                            + "and what like '%before a procedure%' and outcome = 'OK'")
                    .params(id, patient, actor)
                    .query(Long.class)
                    .single();
            if (n == 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return n;
    }

    private long lastAudit() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }
}
