package org.relief.fhir.translate;

import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.relief.scheduling.AppointmentStatus;

/**
 * Appointment (R4) from a scheduled appointment: the patient, the clinician and the room as participants, the type
 * as text, start and end in the clinic's time zone; a cancellation carries its reason. Export only.
 */
public final class AppointmentTranslator {

    private AppointmentTranslator() {}

    public static Appointment toFhir(org.relief.scheduling.Appointment a, ZoneId zone) {
        Appointment fhir = new Appointment();
        fhir.setId(a.id().toString());
        fhir.setStatus(status(a.status()));
        fhir.setAppointmentType(new CodeableConcept().setText(a.type().label()));
        fhir.addServiceType().setText(a.type().label());
        fhir.setStart(Date.from(a.day().atTime(a.start()).atZone(zone).toInstant()));
        fhir.setEnd(Date.from(a.day().atTime(a.end()).atZone(zone).toInstant()));
        fhir.setMinutesDuration(
                (int) java.time.Duration.between(a.start(), a.end()).toMinutes());
        if (a.type().preparation() != null && !a.type().preparation().isBlank()) {
            fhir.setPatientInstruction(a.type().preparation());
        }
        if (a.note() != null) {
            fhir.setComment(a.note());
        }
        if (a.status() == AppointmentStatus.CANCELLED && a.changeReason() != null) {
            fhir.setCancelationReason(new CodeableConcept().setText(a.changeReason()));
        }
        Appointment.ParticipationStatus accepted = Appointment.ParticipationStatus.ACCEPTED;
        fhir.addParticipant()
                .setActor(new Reference("Patient/" + a.patientId()))
                .setStatus(accepted);
        fhir.addParticipant()
                .setActor(new Reference().setDisplay(a.staffName()))
                .setStatus(accepted);
        fhir.addParticipant()
                .setActor(new Reference().setDisplay(a.room().name()))
                .setStatus(accepted);
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.addText(a.type().label() + " on " + a.day() + " " + a.time() + " with " + a.staffName() + ", "
                + a.room().name() + " (" + a.status().label().toLowerCase() + ")");
        fhir.setText(
                new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div));
        return fhir;
    }

    private static Appointment.AppointmentStatus status(AppointmentStatus s) {
        return switch (s) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        };
    }
}
