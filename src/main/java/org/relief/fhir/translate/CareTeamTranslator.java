package org.relief.fhir.translate;

import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.relief.careteam.TeamMember;

/** The care team -> CareTeam, with a Practitioner for each member (staff id as its id). */
public final class CareTeamTranslator {

    private CareTeamTranslator() {}

    public static CareTeam toFhir(UUID patientId, List<TeamMember> members) {
        CareTeam team = new CareTeam();
        // one care team per patient: it shares the patient's id
        team.setId(patientId.toString());
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setName("Interventional pain management care team");
        team.setSubject(new Reference("Patient/" + patientId));
        for (TeamMember m : members) {
            CareTeam.CareTeamParticipantComponent p = team.addParticipant();
            p.addRole().setText(m.role().label());
            p.setMember(new Reference("Practitioner/" + m.staffId()).setDisplay(m.displayName()));
            p.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(m.addedAt())));
        }
        return team;
    }

    public static Practitioner practitioner(TeamMember m) {
        Practitioner p = new Practitioner();
        p.setId(m.staffId().toString());
        p.setActive(true);
        p.addName().setText(m.displayName());
        return p;
    }
}
