package org.relief.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.record.Versioned;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard and the own-patient search read "my patients" from care_team_patient (V101), which the database keeps
 * from the care teams and the patient summaries. Whatever changes a team or a summary, both show it at once.
 */
@IntegrationTest
class CareTeamPatientIT {

    @Autowired
    Patients patients;

    @Autowired
    ChartService charts;

    @Autowired
    CareTeams teams;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDashboardAndTheSearchFollowTheTeamTheStepAndTheName() {
        String username = "dr.proj" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Dr. Pro Jection", Role.PHYSICIAN, "projection-of-mine-2026", "test");
        Actor doctor = fixture.actor(username);
        String family = "Projected" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = fixture.patient().physician(username).named(family).create();
        UUID second = fixture.patient().physician(username).named(family).create();
        // on another physician's team only
        UUID elsewhere = fixture.patient().named(family).create();

        assertThat(found(doctor, family)).containsExactlyInAnyOrder(first, second);
        assertThat(found(doctor, "")).contains(first, second).doesNotContain(elsewhere);
        assertThat(patients.dashboard(doctor, 10).counts().get(Step.REFERRED)).isEqualTo(2);

        // a step change moves her patient to its group, newest first
        patients.changeStep(doctor, second, Step.IN_EVALUATION, "test");
        Patients.Dashboard moved = patients.dashboard(doctor, 10);
        assertThat(moved.counts().get(Step.REFERRED)).isEqualTo(1);
        assertThat(moved.groups().get(Step.IN_EVALUATION))
                .extracting(PatientSummary::id)
                .containsExactly(second);

        // a corrected family name is found under the new name, no longer under the old, with the corrected birth date
        Versioned<Demographics> d =
                charts.entries(doctor, first, EntryKind.DEMOGRAPHICS).get(0);
        String renamed = "Renamed" + UUID.randomUUID().toString().substring(0, 6);
        Demographics was = d.data();
        charts.correct(
                doctor,
                first,
                EntryKind.DEMOGRAPHICS,
                d.entryId(),
                d.version(),
                new Demographics(
                        renamed,
                        was.givenName(),
                        was.birthDate().minusDays(1),
                        was.sex(),
                        was.phone(),
                        was.email(),
                        was.addressLine(),
                        was.city(),
                        was.postalCode()),
                "married name; birth date from the passport");
        assertThat(found(doctor, renamed)).containsExactly(first);
        assertThat(patients.search(doctor, renamed, Patients.Scope.MINE, 10)
                        .get(0)
                        .birthDate())
                .isEqualTo(was.birthDate().minusDays(1));
        assertThat(found(doctor, family)).containsExactly(second);

        // joining another patient's team brings them in; leaving it takes them out of both
        teams.add(elsewhere, doctor.staffId(), "test");
        assertThat(found(doctor, family)).containsExactlyInAnyOrder(second, elsewhere);
        assertThat(patients.dashboard(doctor, 10).counts().get(Step.REFERRED)).isEqualTo(2);
        teams.remove(elsewhere, doctor.staffId(), "test");
        teams.remove(second, doctor.staffId(), "test");
        assertThat(found(doctor, family)).isEmpty();
        Patients.Dashboard left = patients.dashboard(doctor, 10);
        assertThat(left.total()).isEqualTo(1);
        assertThat(left.counts().get(Step.IN_EVALUATION)).isZero();

        assertThat(differencesFromTheTeamsAndSummaries()).isZero();
    }

    @Test
    void everyRowIsWhatTheTeamsAndTheSummariesSay() {
        // whatever the other tests did to teams and summaries before this one
        fixture.patient().onTeamOf("pt.garcia").create();
        assertThat(jdbc.sql("select count(*) from care_team_patient")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(differencesFromTheTeamsAndSummaries()).isZero();
    }

    private List<UUID> found(Actor actor, String q) {
        return patients.search(actor, q, Patients.Scope.MINE, 200).stream()
                .map(PatientSummary::id)
                .toList();
    }

    /** Rows in one and not the other, both ways, in one snapshot. */
    private long differencesFromTheTeamsAndSummaries() {
        return jdbc.sql("""
                with derived as (
                  select distinct m.staff_id, s.patient_id, s.step, s.updated_at, s.mrn, s.family_name, s.given_name, s.birth_date
                  from care_team_member m join patient_summary s on s.patient_id = m.patient_id
                  where m.removed_at is null
                ), kept as (
                  select staff_id, patient_id, step, updated_at, mrn, family_name, given_name, birth_date
                  from care_team_patient
                )
                select (select count(*) from (select * from derived except select * from kept) a)
                     + (select count(*) from (select * from kept except select * from derived) b)""").query(Long.class).single();
    }
}
