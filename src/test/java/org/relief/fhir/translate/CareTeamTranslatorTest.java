package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Role;
import org.relief.careteam.TeamMember;

/** Export only: the care team is made in Relief. */
class CareTeamTranslatorTest {

    private static final TeamMember PATEL = new TeamMember(
            UUID.randomUUID(),
            "dr.patel",
            "Dr. Asha Patel",
            Role.PHYSICIAN,
            Instant.parse("2026-01-05T10:00:00Z"),
            "admin");

    @Test
    void oneTeamPerPatientWithEachMemberAsAPractitionerWithTheirRole() {
        CareTeam team = CareTeamTranslator.toFhir(PATIENT, List.of(PATEL));
        assertThat(team.getIdPart()).isEqualTo(PATIENT.toString());
        assertThat(team.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
        assertThat(team.getParticipant()).singleElement().satisfies(p -> {
            assertThat(p.getMember().getReference()).isEqualTo("Practitioner/" + PATEL.staffId());
            assertThat(p.getMember().getDisplay()).isEqualTo("Dr. Asha Patel");
            assertThat(p.getRoleFirstRep().getText()).isEqualTo(Role.PHYSICIAN.label());
            assertThat(p.getPeriod().getStart()).isEqualTo(java.util.Date.from(PATEL.addedAt()));
        });
    }

    @Test
    void thePractitionerIsTheStaffMemberByName() {
        Practitioner p = CareTeamTranslator.practitioner(PATEL);
        assertThat(p.getIdPart()).isEqualTo(PATEL.staffId().toString());
        assertThat(p.getNameFirstRep().getText()).isEqualTo("Dr. Asha Patel");
        assertThat(p.getActive()).isTrue();
    }
}
