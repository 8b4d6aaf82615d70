package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.SafetyFlag;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.screening.SafetyProtocol;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Ordering runs the rules on the real chart; decisions, overrides and policy changes are kept. */
@IntegrationTest
public class OrdersIT {

    @Autowired
    Orders orders;

    @Autowired
    PolicyValues policies;

    @Autowired
    ChartService charts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        // a lumbar ESI 10 days ago that helped 60%
        patientId = fixture.patient().readyForLumbarEsi().create();
    }

    static Facts.Order esi(LocalDate planned) {
        return ClinicFixture.lumbarEsi(planned);
    }

    @Test
    void anEsiTooSoonIsBlockedWithItsReasonSourceAndPolicyRow() {
        ProcedureOrder o =
                orders.order(physician, patientId, esi(LocalDate.now().plusDays(5)));
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.mayProceed()).isFalse();
        assertThat(o.outcomes())
                .filteredOn(r -> r.rule().equals("ESI: interval"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.decision()).isEqualTo(Decision.BLOCK);
                    assertThat(r.reason()).contains("Only 15 days");
                    assertThat(r.source()).isEqualTo("clinic practice");
                    assertThat(r.policy()).contains("esi.min-interval-days = 21 days [policy row");
                });
        assertThat(o.outcomes())
                .filteredOn(r -> r.rule().equals("ESI: response to the last one"))
                .singleElement()
                .satisfies(r -> assertThat(r.decision()).isEqualTo(Decision.ALLOW));

        assertThat(orders.order(physician, patientId, esi(LocalDate.now().plusDays(11)))
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void thePhysicianOverridesABlockWithAReasonAndItIsListed() {
        ProcedureOrder o =
                orders.order(physician, patientId, esi(LocalDate.now().plusDays(5)));
        assertThatThrownBy(() -> orders.override(
                        Fixtures.actor(staff, "chiro.lee"), patientId, o.id(), "I think it is fine to go ahead"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> orders.override(physician, patientId, o.id(), "ok"))
                .isInstanceOf(InvalidInputException.class);
        ProcedureOrder overridden =
                orders.override(physician, patientId, o.id(), "Severe flare; patient travels abroad next month");
        assertThat(overridden.mayProceed()).isTrue();
        assertThat(orders.overrides()).anyMatch(x -> x.id().equals(o.id()));
    }

    @Test
    void aPolicyChangeAppliesToNewDecisionsAndOldOnesKeepTheirValue() {
        ProcedureOrder before =
                orders.order(physician, patientId, esi(LocalDate.now().plusDays(5)));
        Actor admin = Fixtures.actor(staff, "admin");
        policies.change(
                admin,
                "esi.min-interval-days",
                new BigDecimal("14"),
                "payer contract eviCore",
                version("esi.min-interval-days"));
        try {
            ProcedureOrder after =
                    orders.order(physician, patientId, esi(LocalDate.now().plusDays(5)));
            assertThat(after.outcomes())
                    .filteredOn(r -> r.rule().equals("ESI: interval"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.decision()).isEqualTo(Decision.ALLOW));
            assertThat(orders.find(before.id()).outcomes())
                    .filteredOn(r -> r.rule().equals("ESI: interval"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.policy()).contains("= 21 days"));
            assertThat(policies.history("esi.min-interval-days")).hasSizeGreaterThanOrEqualTo(2);
        } finally {
            policies.change(
                    admin,
                    "esi.min-interval-days",
                    new BigDecimal("21"),
                    "back to the clinic default",
                    version("esi.min-interval-days"));
        }
        assertThatThrownBy(() -> policies.change(
                        physician, "esi.min-interval-days", BigDecimal.ONE, "test", version("esi.min-interval-days")))
                .isInstanceOf(ForbiddenException.class);
    }

    private int version(String key) {
        return policies.history(key).get(0).version();
    }

    @Test
    void theSafetyHoldRefusesTheOrderUpFrontAndTheRulesStillBlock() {
        safety.report(physician, patientId, SafetyFlag.Concern.SUICIDAL_IDEATION, "Disclosed thoughts of dying");
        int before = orders.orders(physician, patientId).size();
        assertThatThrownBy(() ->
                        orders.order(physician, patientId, esi(LocalDate.now().plusDays(30))))
                .isInstanceOf(CareOnHoldException.class)
                .hasMessageContaining("on hold");
        assertThat(orders.orders(physician, patientId)).hasSize(before);
        assertThat(orders.check(physician, patientId, esi(LocalDate.now().plusDays(30)))
                        .outcomes())
                .anyMatch(r -> r.rule().equals("Safety hold") && r.decision() == Decision.BLOCK);
    }

    @Test
    void documentingWithoutAnOrderRunsTheRulesAfterTheFact() {
        charts.add(
                physician,
                patientId,
                ProcedureKinds.PERFORMED,
                new Documentation.Performed(
                        null,
                        ProcedureType.ESI_TRANSFORAMINAL,
                        LocalDate.now(),
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        1,
                        8,
                        4,
                        "Dexamethasone 10 mg",
                        60,
                        Documentation.Guidance.FLUOROSCOPY,
                        null));
        ProcedureOrder checked = orders.orders(physician, patientId).get(0);
        assertThat(checked.recordedEntryId()).isNotNull();
        assertThat(checked.decision()).isEqualTo(Decision.BLOCK);
        assertThat(checked.outcomes())
                .filteredOn(r -> r.rule().equals("ESI: interval"))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("Only 10 days"));
    }

    @Test
    void onlyThePhysicianOrders() {
        assertThatThrownBy(() -> orders.order(
                        Fixtures.actor(staff, "pt.garcia"),
                        patientId,
                        esi(LocalDate.now().plusDays(30))))
                .isInstanceOf(ForbiddenException.class);
    }
}
