package org.relief.fhir.translate;

import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.relief.patient.Codes.Urgency;
import org.relief.patient.Referral;
import org.relief.record.Versioned;

/** Referral -> ServiceRequest (the referral into the clinic, with who sent it and why). */
public final class ReferralTranslator {

    private ReferralTranslator() {}

    public static ServiceRequest toFhir(Versioned<Referral> v, UUID patientId) {
        Referral r = v.data();
        ServiceRequest s = new ServiceRequest();
        s.setId(v.entryId().toString());
        s.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.getCode().setText("Referral to interventional pain management");
        s.setPriority(
                r.urgency() == Urgency.URGENT
                        ? ServiceRequest.ServiceRequestPriority.URGENT
                        : ServiceRequest.ServiceRequestPriority.ROUTINE);
        s.setSubject(new Reference("Patient/" + patientId));
        s.setAuthoredOnElement(
                new org.hl7.fhir.r4.model.DateTimeType(r.referralDate().toString()));
        s.setRequester(new Reference().setDisplay(r.referringClinician() + " (" + r.referringPractice() + ")"));
        s.addReasonCode().setText(r.reason());
        return s;
    }
}
