package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.first;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.Urgency;
import org.relief.patient.Referral;

/** Export only: a referral arrives with the patient (an import makes one from the packet, see PatientImport). */
class ReferralTranslatorTest {

    @Test
    void isAnOrderForPainManagementFromTheReferringClinician() {
        var v = first(new Referral(
                "Dr. Okafor",
                "Hillside Practice",
                "Radicular pain after failed physiotherapy",
                LocalDate.of(2026, 1, 5),
                Urgency.URGENT));
        ServiceRequest s = ReferralTranslator.toFhir(v, PATIENT);
        assertThat(s.getIdPart()).isEqualTo(v.entryId().toString());
        assertThat(s.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(s.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(s.getRequester().getDisplay()).isEqualTo("Dr. Okafor (Hillside Practice)");
        assertThat(s.getReasonCodeFirstRep().getText()).isEqualTo("Radicular pain after failed physiotherapy");
        assertThat(s.getAuthoredOnElement().getValueAsString()).isEqualTo("2026-01-05");
        assertThat(s.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
    }

    @Test
    void aRoutineReferralIsRoutine() {
        var v = first(new Referral("a", "b", "c", LocalDate.of(2026, 1, 5), Urgency.ROUTINE));
        assertThat(ReferralTranslator.toFhir(v, PATIENT).getPriority())
                .isEqualTo(ServiceRequest.ServiceRequestPriority.ROUTINE);
    }
}
