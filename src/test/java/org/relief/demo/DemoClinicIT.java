package org.relief.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.procedure.ProcedureKinds;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seeded demo clinic is coherent: a patient on a plan (or discharged from one) has a signed plan, instruments over
 * time, and the procedure their plan holds documented here with its follow-ups; the ten-year patient's outside history
 * ends before her referral and her procedures here come after it.
 */
@IntegrationTest
class DemoClinicIT {

    private static final Set<String> PROCEDURE_THERAPIES = Set.of("ESI_TF", "MBB", "SIJ_INJ", "TPI");

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Plans plans;

    @Autowired
    Assessments assessments;

    @Autowired
    ChartService charts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void patientsOnAPlanHaveASignedPlanInstrumentsOverTimeAndTheirProceduresWithFollowUps() {
        int withProcedure = 0;
        int onPlan = 0;
        for (String physician : List.of("dr.patel", "dr.okafor")) {
            Actor actor = Fixtures.actor(staff, physician);
            // the seeded clinic only (other tests add patients of their own to the same database)
            Set<java.util.UUID> seeded = Set.copyOf(jdbc.sql("select id from patient where created_by = 'demo'")
                    .query(java.util.UUID.class)
                    .list());
            for (PatientSummary p : patients.search(actor, "", Patients.Scope.MINE, 500)) {
                if (!seeded.contains(p.id()) || p.step() != Step.ON_PLAN && p.step() != Step.DISCHARGED) {
                    continue;
                }
                onPlan++;
                List<PlanVersion> versions = plans.versions(actor, p.id());
                assertThat(versions).as(p.mrn() + " plan").isNotEmpty();
                assertThat(versions.get(0).signed())
                        .as(p.mrn() + " plan signed")
                        .isTrue();
                assertThat(assessments.history(actor, p.id()).get("NRS"))
                        .as(p.mrn() + " NRS over time")
                        .hasSizeGreaterThanOrEqualTo(3);
                boolean plannedProcedure = versions.get(0).therapies().stream()
                        .anyMatch(t -> PROCEDURE_THERAPIES.contains(t.therapyCode()));
                var performed = charts.entries(actor, p.id(), ProcedureKinds.PERFORMED);
                var followUps = charts.entries(actor, p.id(), ProcedureKinds.FOLLOW_UP);
                if (plannedProcedure) {
                    withProcedure++;
                    assertThat(performed)
                            .as(p.mrn() + " procedure documented here")
                            .isNotEmpty();
                    assertThat(followUps).as(p.mrn() + " follow-ups").isNotEmpty();
                    performed.forEach(v -> assertThat(followUps)
                            .as(p.mrn())
                            .anyMatch(f -> f.data().procedureId().equals(v.entryId())));
                }
            }
        }
        assertThat(onPlan).isGreaterThan(1);
        assertThat(withProcedure).isGreaterThan(0);
    }

    @Test
    void theTenYearPatientsTwoHistoriesTellOneStory() {
        Actor patel = Fixtures.actor(staff, "dr.patel");
        PatientSummary p =
                patients.search(patel, "Tenyear", Patients.Scope.MINE, 1).get(0);
        var chart = charts.chart(patel, p.id());
        var referred = chart.referrals().get(0).data().referralDate();
        assertThat(chart.treatments())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.data().endDate()).isBefore(referred));
        var performed = charts.entries(patel, p.id(), ProcedureKinds.PERFORMED);
        assertThat(performed)
                .hasSize(60)
                .allSatisfy(v -> assertThat(v.data().performedOn()).isAfter(referred));
        assertThat(charts.entries(patel, p.id(), ProcedureKinds.FOLLOW_UP)).hasSize(60);
        List<PlanVersion> versions = plans.versions(patel, p.id());
        assertThat(versions).isNotEmpty();
        assertThat(versions.get(0).signed()).isTrue();
        assertThat(assessments.history(patel, p.id()).get("NRS")).hasSize(10);
        assertThat(charts.entries(patel, p.id(), EntryKind.IMAGING)).hasSize(40);
    }
}
