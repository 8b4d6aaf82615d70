package org.relief.fhir.translate;

import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.relief.scheduling.AppointmentStatus;

/**
 * Appointment (R4) from a scheduled appointment: the patient, the clinician and the room as participants, the type
 * as text, start and end in the clinic's time zone; a cancellation carries its reason. For {@code $everything} also
 * the time it holds as a busy {@link Slot} (booked or not attended; a cancelled one frees its time) on the
 * clinician's {@link Schedule}. Export only.
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

    /** The clinician's Schedule (one per clinician; its id is {@code schedule-<staff id>}). */
    public static Schedule schedule(org.relief.scheduling.Appointment a) {
        Schedule fhir = new Schedule();
        fhir.setId(scheduleId(a));
        fhir.setActive(true);
        fhir.addActor(new Reference().setDisplay(a.staffName()));
        fhir.setComment("The clinic calendar of " + a.staffName());
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.addText("Calendar of " + a.staffName());
        fhir.setText(
                new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div));
        return fhir;
    }

    /** The busy Slot a booked (or not attended) appointment holds; none for a cancelled one. */
    public static java.util.Optional<Slot> slot(org.relief.scheduling.Appointment a, ZoneId zone) {
        if (a.status() == AppointmentStatus.CANCELLED) {
            return java.util.Optional.empty();
        }
        Slot fhir = new Slot();
        fhir.setId(a.id().toString());
        fhir.setSchedule(new Reference("Schedule/" + scheduleId(a)));
        fhir.setStatus(Slot.SlotStatus.BUSY);
        fhir.addServiceType().setText(a.type().label());
        fhir.setStart(Date.from(a.day().atTime(a.start()).atZone(zone).toInstant()));
        fhir.setEnd(Date.from(a.day().atTime(a.end()).atZone(zone).toInstant()));
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.addText(a.type().label() + " on " + a.day() + " " + a.time() + ", "
                + a.room().name() + " (busy)");
        fhir.setText(
                new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div));
        return java.util.Optional.of(fhir);
    }

    private static String scheduleId(org.relief.scheduling.Appointment a) {
        return "schedule-" + a.staffId();
    }

    private static Appointment.AppointmentStatus status(AppointmentStatus s) {
        return switch (s) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        };
    }
}
