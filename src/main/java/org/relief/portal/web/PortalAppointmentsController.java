package org.relief.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.relief.portal.PatientPrincipal;
import org.relief.portal.Questionnaires;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * My appointments: the patient's coming appointments (today on), each with what to do before it (the appointment
 * type's {@code preparation()}), read through {@link Appointments#ofPatient}, which opens the chart through the guard
 * as this patient ({@code SELF}): another id is an audited 403, an unknown one an audited 404.
 */
@Controller
class PortalAppointmentsController {

    private final Appointments appointments;
    private final Questionnaires questionnaires;

    PortalAppointmentsController(Appointments appointments, Questionnaires questionnaires) {
        this.appointments = appointments;
        this.questionnaires = questionnaires;
    }

    @ModelAttribute("patientMe")
    PatientPrincipal patientMe(@AuthenticationPrincipal PatientPrincipal me) {
        return me;
    }

    @GetMapping("/portal/patients/{id}/appointments")
    String appointments(
            @PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        m.addAttribute("appointments", upcoming(appointments, me, r, id));
        m.addAttribute("clinicPhone", questionnaires.clinicPhone());
        m.addAttribute("patientId", id);
        return "portal/appointments";
    }

    /** The patient's appointments from today, soonest first (cancelled ones too, marked as such). */
    static List<Appointment> upcoming(
            Appointments appointments, PatientPrincipal me, HttpServletRequest r, UUID patientId) {
        return appointments.ofPatient(me.toActor(r.getRemoteAddr()), patientId, LocalDate.now()).stream()
                .sorted(Comparator.comparing(Appointment::day).thenComparing(Appointment::start))
                .toList();
    }
}
