package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.audit.AuditQuery;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An order is cancelled with a reason: the order stays, the cancellation is its own row, audited and shown. */
@IntegrationTest
class OrderCancelIT {

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    ChartService charts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        patientId = fixture.patient().readyForLumbarEsi().create();
    }

    @Test
    void aCancelledOrderIsKeptAuditedAndCanNoLongerProceed() {
        ProcedureOrder placed =
                orders.order(physician, patientId, OrdersIT.esi(LocalDate.now().plusDays(30)));
        assertThat(placed.mayProceed()).isTrue();

        assertThatThrownBy(() -> orders.cancel(
                        Fixtures.actor(staff, "chiro.lee"), patientId, placed.id(), "Patient asked to wait"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> orders.cancel(physician, patientId, placed.id(), "  "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        assertThat(orders.find(placed.id()).cancelled()).isFalse();

        ProcedureOrder cancelled =
                orders.cancel(physician, patientId, placed.id(), "Patient prefers to try physical therapy first");
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.mayProceed()).isFalse();
        assertThat(cancelled.cancellation().by()).isEqualTo("dr.patel");
        assertThat(cancelled.cancellation().reason()).isEqualTo("Patient prefers to try physical therapy first");
        // the order itself is untouched: same decision and outcomes, still listed
        assertThat(cancelled.decision()).isEqualTo(placed.decision());
        assertThat(cancelled.outcomes()).hasSameSizeAs(placed.outcomes());
        assertThat(orders.orders(physician, patientId))
                .extracting(ProcedureOrder::id)
                .contains(placed.id());
        assertThat(jdbc.sql("select count(*) from procedure_order where id = ?")
                        .param(placed.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        assertThat(audit.search(new AuditQuery(patientId, "dr.patel", null, null, AuditAction.UPDATE, 50)))
                .anyMatch(e -> e.what().contains("CANCELLED order") && e.what().contains("physical therapy first"));
        assertThat(audit.search(new AuditQuery(patientId, "chiro.lee", null, null, AuditAction.DENIED, 50)))
                .anyMatch(e -> e.what().contains("cancel order"));

        assertThatThrownBy(() -> orders.cancel(physician, patientId, placed.id(), "Cancelling twice"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already cancelled");
        // a cancelled order cannot be documented against
        assertThatThrownBy(() -> charts.add(
                        physician,
                        patientId,
                        ProcedureKinds.PERFORMED,
                        new Documentation.Performed(
                                placed.id(),
                                ProcedureType.ESI_TRANSFORAMINAL,
                                LocalDate.now(),
                                Facts.Region.LUMBAR,
                                Facts.Side.LEFT,
                                1,
                                6,
                                2,
                                "Dexamethasone 10 mg",
                                60,
                                Documentation.Guidance.FLUOROSCOPY,
                                null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void anOrderAlreadyDocumentedCannotBeCancelled() {
        ProcedureOrder placed =
                orders.order(physician, patientId, OrdersIT.esi(LocalDate.now().plusDays(30)));
        charts.add(
                physician,
                patientId,
                ProcedureKinds.PERFORMED,
                new Documentation.Performed(
                        placed.id(),
                        ProcedureType.ESI_TRANSFORAMINAL,
                        LocalDate.now(),
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        1,
                        6,
                        2,
                        "Dexamethasone 10 mg",
                        60,
                        Documentation.Guidance.FLUOROSCOPY,
                        null));
        assertThatThrownBy(() -> orders.cancel(physician, patientId, placed.id(), "Changed our mind"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already documented");
    }

    @Test
    void theJsonApiAndThePageCancelAndShowIt() {
        ProcedureOrder placed =
                orders.order(physician, patientId, OrdersIT.esi(LocalDate.now().plusDays(30)));
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var bad = api.postJson(
                "/api/patients/" + patientId + "/procedure-orders/" + placed.id() + "/cancel", "{\"reason\":\"\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("reason");
        var ok = api.postJson(
                "/api/patients/" + patientId + "/procedure-orders/" + placed.id() + "/cancel",
                "{\"reason\":\"Booked at the hospital instead\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"cancellation\"").contains("Booked at the hospital instead");
        var list = api.get("/api/patients/" + patientId + "/procedure-orders");
        assertThat(list.body()).contains("Booked at the hospital instead");

        ProcedureOrder second =
                orders.order(physician, patientId, OrdersIT.esi(LocalDate.now().plusDays(40)));
        Http web = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var posted = web.postForm(
                "/patients/" + patientId + "/procedures/orders/" + second.id() + "/cancel",
                Map.of("reason", "Patient moved away"));
        assertThat(posted.statusCode()).isEqualTo(302);
        String page = web.get("/patients/" + patientId + "/procedures").body();
        assertThat(page)
                .contains("order-cancelled")
                .contains("Patient moved away")
                .contains("Booked at the hospital instead");
        assertThat(orders.find(second.id()).cancelled()).isTrue();
    }

    @Test
    void theApiRefusesALateralProcedureWithoutASideAndStoresNothing() {
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        String body = """
                {"type":"ESI_TRANSFORAMINAL","region":"LUMBAR","side":"%s","levels":1,"plannedDate":"%s",
                 "indication":"RADICULOPATHY","steroidMg":40,"particulateSteroid":false,"imageGuidance":true,
                 "bleedingRiskFactors":false}""";
        String planned = LocalDate.now().plusDays(30).toString();
        int before = orders.orders(physician, patientId).size();
        var none = api.postJson("/api/patients/" + patientId + "/procedure-orders", body.formatted("NONE", planned));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"field\":\"side\"").contains("left, right or bilateral");
        var missing = api.postJson(
                "/api/patients/" + patientId + "/procedure-orders",
                body.replace("\"side\":\"%s\",", "").formatted(planned));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"side\"");
        assertThat(orders.orders(physician, patientId)).hasSize(before);
        var left = api.postJson("/api/patients/" + patientId + "/procedure-orders", body.formatted("LEFT", planned));
        assertThat(left.statusCode()).isEqualTo(201);
    }
}
