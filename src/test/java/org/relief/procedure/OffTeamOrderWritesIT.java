package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.procedure.rules.Decision;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A physician who is not on the patient's care team may not override or cancel that patient's orders (issue 10,
 * defect 3: an off-team override was answered 200): 403, audited, nothing stored.
 */
@IntegrationTest
class OffTeamOrderWritesIT {

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicFixture fixture;

    @Test
    void anOffTeamPhysicianCannotOverrideOrCancelAnOrder() {
        Actor patel = fixture.actor("dr.patel");
        UUID patientId = fixture.patient().readyForLumbarEsi().create();
        // ten days after the last ESI: the interval rule blocks it
        ProcedureOrder blocked =
                orders.order(patel, patientId, OrdersIT.esi(LocalDate.now().plusDays(1)));
        assertThat(blocked.decision()).as("set-up: a blocked order").isEqualTo(Decision.BLOCK);
        Http okafor = Http.basic(port, "dr.okafor", IntegrationTest.DEMO_PASSWORD);
        String base = "/api/patients/" + patientId + "/procedure-orders/" + blocked.id();

        long denied = audit.count(patientId, AuditAction.DENIED);
        assertThat(okafor.postJson(base + "/override", "{\"reason\": \"I judge the benefit worth the risk\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(okafor.postJson(base + "/cancel", "{\"reason\": \"not needed any more, patient improved\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(audit.count(patientId, AuditAction.DENIED))
                .as("both refusals audited")
                .isEqualTo(denied + 2);
        assertThat(jdbc.sql("select count(*) from procedure_override where order_id = ?")
                        .param(blocked.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from procedure_order_cancellation where order_id = ?")
                        .param(blocked.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
