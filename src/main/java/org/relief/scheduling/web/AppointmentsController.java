package org.relief.scheduling.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.patient.Patients;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.scheduling.BookingConflictException;
import org.relief.scheduling.BookingForm;
import org.relief.scheduling.Bundles;
import org.relief.scheduling.Resources;
import org.relief.scheduling.ScheduleOptimiser;
import org.relief.scheduling.SeriesForm;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's appointments: the list, booking one or a series, moving, cancelling, no-shows, and the optimiser's
 * proposal from the signed plan. Bad input comes back beside its field (400), a conflict with its reasons (409);
 * nothing is booked then.
 */
@Controller
class AppointmentsController {
    // Why over 300 lines: one page with five forms (book, series, move, cancel, no-show) and the optimiser's three
    // routes, each re-rendering the same page with its errors; next split: the optimiser's routes.

    private final Appointments appointments;
    private final Resources resources;
    private final Patients patients;
    private final ScheduleOptimiser optimiser;
    private final Bundles bundles;

    AppointmentsController(
            Appointments appointments,
            Resources resources,
            Patients patients,
            ScheduleOptimiser optimiser,
            Bundles bundles) {
        this.appointments = appointments;
        this.resources = resources;
        this.patients = patients;
        this.optimiser = optimiser;
        this.bundles = bundles;
    }

    @InitBinder
    void times(WebDataBinder binder) {
        Times.register(binder);
    }

    /** The page; {@code type} and {@code date} (a bundle's offer) fill the booking form in. */
    @GetMapping("/patients/{id}/appointments")
    String page(
            @PathVariable UUID id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) LocalDate date,
            Actor actor,
            Model model) {
        BookingForm offered = type == null && date == null
                ? null
                : new BookingForm(
                        type != null && resources.type(type).isPresent() ? type : null,
                        null,
                        null,
                        date,
                        null,
                        null,
                        null);
        return render(id, actor, model, offered, null, Map.of(), List.of(), null);
    }

    @PostMapping("/patients/{id}/appointments")
    String book(
            @PathVariable UUID id,
            @Valid @ModelAttribute("book") BookingForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Appointment a = appointments.book(actor, id, form == null ? blank() : form, binding);
            flash.addFlashAttribute(
                    "notice",
                    a.type().label() + " booked on " + a.day() + " at " + a.time() + " with " + a.staffName() + ".");
            // the session is stored in the database: the flash carries the id, the page works the offer out
            flash.addFlashAttribute("bundleOf", a.id());
            return "redirect:/patients/" + id + "/appointments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(id, actor, model, form, null, problems(e, binding), List.of(), "book");
        } catch (BookingConflictException e) {
            response.setStatus(409);
            return render(id, actor, model, form, null, Map.of(), e.reasons(), "book");
        }
    }

    @PostMapping("/patients/{id}/appointments/series")
    String series(
            @PathVariable UUID id,
            @Valid @ModelAttribute("series") SeriesForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            List<Appointment> booked = appointments.series(
                    actor,
                    id,
                    form == null ? new SeriesForm(null, null, null, null, null, null, null, null) : form,
                    binding);
            flash.addFlashAttribute(
                    "notice",
                    booked.size() + " " + booked.get(0).type().label() + " appointments booked, "
                            + booked.get(0).day() + " to "
                            + booked.get(booked.size() - 1).day() + ".");
            return "redirect:/patients/" + id + "/appointments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(id, actor, model, null, form, problems(e, binding), List.of(), "series");
        } catch (BookingConflictException e) {
            response.setStatus(409);
            return render(id, actor, model, null, form, Map.of(), e.reasons(), "series");
        }
    }

    @PostMapping("/patients/{id}/appointments/{appointmentId}/move")
    String move(
            @PathVariable UUID id,
            @PathVariable UUID appointmentId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) LocalTime start,
            @RequestParam(required = false) UUID staffId,
            @RequestParam(required = false) UUID roomId,
            @RequestParam(required = false) String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return change(id, actor, model, response, flash, "move-" + appointmentId, () -> {
            Appointment a = appointments.move(
                    actor, id, appointmentId, version == null ? -1 : version, date, start, staffId, roomId, reason);
            return a.type().label() + " moved to " + a.day() + " at " + a.time() + ".";
        });
    }

    @PostMapping("/patients/{id}/appointments/{appointmentId}/cancel")
    String cancel(
            @PathVariable UUID id,
            @PathVariable UUID appointmentId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return change(id, actor, model, response, flash, "cancel-" + appointmentId, () -> {
            Appointment a = appointments.cancel(actor, id, appointmentId, version == null ? -1 : version, reason);
            return a.type().label() + " of " + a.day() + " cancelled.";
        });
    }

    @PostMapping("/patients/{id}/appointments/{appointmentId}/no-show")
    String noShow(
            @PathVariable UUID id,
            @PathVariable UUID appointmentId,
            @RequestParam(required = false) Integer version,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return change(id, actor, model, response, flash, "noshow-" + appointmentId, () -> {
            Appointment a = appointments.noShow(actor, id, appointmentId, version == null ? -1 : version);
            return a.type().label() + " of " + a.day() + " marked as not attended.";
        });
    }

    // ---- the optimiser

    @PostMapping("/patients/{id}/schedule/proposal")
    String propose(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) List<DayOfWeek> days,
            Actor actor,
            Model model,
            HttpServletResponse response) {
        try {
            ScheduleOptimiser.Run run = optimiser.start(actor, id, from, weekdays(days));
            return "redirect:/patients/" + id + "/schedule/proposal?run=" + run.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(id, actor, model, null, null, problems(e, null), List.of(), "optimise");
        }
    }

    @GetMapping("/patients/{id}/schedule/proposal")
    String proposal(@PathVariable UUID id, @RequestParam(required = false) UUID run, Actor actor, Model model) {
        model.addAttribute("run", optimiser.run(actor, id, run));
        model.addAttribute("patient", patients.summary(id));
        return "scheduling/proposal";
    }

    @GetMapping("/patients/{id}/schedule/proposal/progress")
    String progress(@PathVariable UUID id, @RequestParam(required = false) UUID run, Actor actor, Model model) {
        model.addAttribute("run", optimiser.run(actor, id, run));
        model.addAttribute("patient", patients.summary(id));
        return "scheduling/proposal :: progress";
    }

    @PostMapping("/patients/{id}/schedule/proposal/accept")
    String accept(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID run,
            @RequestParam(required = false) Set<String> visit,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            ScheduleOptimiser.Accepted done = optimiser.accept(actor, id, run, visit);
            flash.addFlashAttribute(
                    "notice",
                    done.booked().size() + " appointment(s) booked from the proposal"
                            + (done.refused().isEmpty() ? "." : "; not booked: " + String.join(" | ", done.refused())));
            return "redirect:/patients/" + id + "/appointments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("run", optimiser.run(actor, id, run));
            model.addAttribute("patient", patients.summary(id));
            model.addAttribute("errors", problems(e, null));
            return "scheduling/proposal";
        }
    }

    // ---- helpers

    private interface Change {
        String apply();
    }

    private String change(
            UUID id,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash,
            String which,
            Change change) {
        try {
            flash.addFlashAttribute("notice", change.apply());
            return "redirect:/patients/" + id + "/appointments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(id, actor, model, null, null, problems(e, null), List.of(), which);
        } catch (BookingConflictException e) {
            response.setStatus(409);
            return render(id, actor, model, null, null, Map.of(), e.reasons(), which);
        } catch (VersionConflictException e) {
            response.setStatus(409);
            return render(
                    id,
                    actor,
                    model,
                    null,
                    null,
                    Map.of(),
                    List.of("Changed by " + e.getMessage() + ": look at the appointment again, then repeat."),
                    which);
        }
    }

    private String render(
            UUID id,
            Actor actor,
            Model model,
            BookingForm book,
            SeriesForm series,
            Map<String, String> errors,
            List<String> conflicts,
            String which) {
        List<Appointment> list =
                appointments.ofPatient(actor, id, LocalDate.now().minusDays(30)); // the guard first
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("appointments", list);
        if (model.getAttribute("bundleOf") instanceof UUID justBooked) {
            // a linked bundle: what booking this appointment offers to book after it
            list.stream().filter(a -> a.id().equals(justBooked)).findFirst().ifPresent(a -> {
                model.addAttribute("bundleOf", a);
                model.addAttribute("bundle", bundles.after(a));
            });
        }
        model.addAttribute("types", resources.types());
        model.addAttribute("clinicians", resources.clinicians());
        model.addAttribute("rooms", resources.rooms());
        model.addAttribute("book", book == null ? blank() : book);
        model.addAttribute(
                "series",
                series == null ? new SeriesForm(null, null, null, null, null, null, List.of(), null) : series);
        model.addAttribute("errors", errors);
        model.addAttribute("conflicts", conflicts);
        model.addAttribute("which", which);
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("maxSeries", Appointments.MAX_SERIES);
        model.addAttribute("labels", LABELS);
        model.addAttribute("today", LocalDate.now());
        return "scheduling/appointments";
    }

    /** The ticked weekdays (an empty box sends an empty value: ignored). */
    private static Set<DayOfWeek> weekdays(List<DayOfWeek> days) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        if (days != null) {
            days.stream().filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    private static BookingForm blank() {
        return new BookingForm(null, null, null, null, null, null, null);
    }

    /** Field name -> message, from the service and the binder (a value that did not convert). */
    private static Map<String, String> problems(InvalidInputException e, BindingResult binding) {
        Map<String, String> out = new LinkedHashMap<>();
        if (binding != null) {
            for (FieldError f : binding.getFieldErrors()) {
                out.putIfAbsent(f.getField(), f.getDefaultMessage());
            }
        }
        e.problems().forEach(p -> out.putIfAbsent(p.field(), p.message()));
        return out;
    }

    /** A choice of a select or checkbox: the value sent, the words shown. */
    record Choice(String value, String label) {}

    static final List<Choice> WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values())
            .map(d -> new Choice(d.name(), d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)))
            .toList();

    /** The fields' labels, for the summary of errors. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("type", "Appointment type"),
            Map.entry("staffId", "Clinician"),
            Map.entry("roomId", "Room"),
            Map.entry("date", "Day"),
            Map.entry("start", "Start"),
            Map.entry("end", "End"),
            Map.entry("note", "Note"),
            Map.entry("firstDate", "First day"),
            Map.entry("lastDate", "Last day"),
            Map.entry("weekdays", "Weekdays"),
            Map.entry("reason", "Reason"),
            Map.entry("version", "Appointment"),
            Map.entry("from", "First day of the four weeks"),
            Map.entry("plan", "Plan"),
            Map.entry("run", "Proposal"),
            Map.entry("visit", "Visits"));
}
