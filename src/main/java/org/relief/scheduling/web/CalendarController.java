package org.relief.scheduling.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.Staff;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.scheduling.Resources;
import org.relief.scheduling.Room;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendars: the front desk's day (every clinician's appointments), a week per clinician and per room, and the
 * clinic's scheduling resources. Every patient shown is audited (one row per patient).
 */
@Controller
class CalendarController {

    private final Appointments appointments;
    private final Resources resources;

    CalendarController(Appointments appointments, Resources resources) {
        this.appointments = appointments;
        this.resources = resources;
    }

    /** One day of a calendar: the day and its appointments in time order. */
    record Day(LocalDate date, String name, List<Appointment> appointments) {}

    @GetMapping("/schedule")
    String day(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Actor actor,
            Model model) {
        LocalDate d = date == null ? LocalDate.now() : date;
        List<Appointment> all = appointments.calendar(actor, null, null, d, d, "front desk day view " + d);
        Map<String, List<Appointment>> byClinician = new LinkedHashMap<>();
        for (Staff s : resources.clinicians()) {
            List<Appointment> theirs =
                    all.stream().filter(a -> a.staffId().equals(s.id())).toList();
            if (!theirs.isEmpty()) {
                byClinician.put(s.displayName(), theirs);
            }
        }
        model.addAttribute("date", d);
        model.addAttribute("dayName", name(d));
        model.addAttribute("byClinician", byClinician);
        model.addAttribute("clinicians", resources.clinicians());
        model.addAttribute("rooms", resources.rooms());
        return "scheduling/day";
    }

    @GetMapping("/schedule/staff/{staffId}")
    String staffWeek(
            @PathVariable UUID staffId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            Actor actor,
            Model model) {
        Staff s = resources.staffMember(staffId).orElseThrow(() -> new NotFoundException("No clinician " + staffId));
        LocalDate monday = monday(week);
        List<Appointment> all =
                appointments.calendar(actor, staffId, null, monday, monday.plusDays(6), "week of " + s.displayName());
        model.addAttribute("title", s.displayName());
        model.addAttribute("subtitle", s.role().label() + ", hours: " + hours(resources.workingHours(staffId)));
        return week(model, monday, all, "/schedule/staff/" + staffId);
    }

    @GetMapping("/schedule/rooms/{roomId}")
    String roomWeek(
            @PathVariable UUID roomId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            Actor actor,
            Model model) {
        Room r = resources.requireRoom(roomId);
        LocalDate monday = monday(week);
        List<Appointment> all =
                appointments.calendar(actor, null, roomId, monday, monday.plusDays(6), "week of " + r.name());
        model.addAttribute("title", r.name());
        model.addAttribute(
                "subtitle",
                r.kind().label()
                        + (r.equipment().isEmpty()
                                ? ""
                                : ", with "
                                        + String.join(
                                                ", ",
                                                r.equipment().stream()
                                                        .map(e -> e.label().toLowerCase())
                                                        .toList())));
        return week(model, monday, all, "/schedule/rooms/" + roomId);
    }

    @InitBinder
    void times(WebDataBinder binder) {
        Times.register(binder);
    }

    /** The admin records a clinician's absence (whole days). */
    @PostMapping("/schedule/absences")
    String absence(
            @RequestParam(required = false) UUID staffId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            @RequestParam(required = false) String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            resources.addAbsence(actor, staffId, firstDay, lastDay, reason);
            flash.addFlashAttribute("notice", "Absence recorded.");
            return "redirect:/schedule/resources";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.problems());
            return resources(model);
        }
    }

    /** The admin sets a clinician's hours on one weekday. */
    @PostMapping("/schedule/hours")
    String hours(
            @RequestParam(required = false) UUID staffId,
            @RequestParam(required = false) DayOfWeek weekday,
            @RequestParam(required = false) java.time.LocalTime starts,
            @RequestParam(required = false) java.time.LocalTime ends,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            resources.setHours(actor, staffId, weekday, starts, ends);
            flash.addFlashAttribute("notice", "Working hours saved.");
            return "redirect:/schedule/resources";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.problems());
            return resources(model);
        }
    }

    @GetMapping("/schedule/resources")
    String resources(Model model) {
        model.addAttribute("rooms", resources.rooms());
        model.addAttribute("types", resources.types());
        List<Map.Entry<Staff, String>> hours = new ArrayList<>();
        for (Staff s : resources.clinicians()) {
            String absences = String.join(
                    "; ",
                    resources.absences(s.id(), LocalDate.now(), LocalDate.now().plusMonths(3)).stream()
                            .map(a -> a.firstDay() + " to " + a.lastDay() + " (" + a.reason() + ")")
                            .toList());
            hours.add(Map.entry(
                    s, hours(resources.workingHours(s.id())) + (absences.isEmpty() ? "" : "; away " + absences)));
        }
        model.addAttribute("hours", hours);
        model.addAttribute("clinicians", resources.clinicians());
        model.addAttribute("weekdays", AppointmentsController.WEEKDAYS);
        return "scheduling/resources";
    }

    private String week(Model model, LocalDate monday, List<Appointment> all, String base) {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            days.add(new Day(
                    d, name(d), all.stream().filter(a -> a.day().equals(d)).toList()));
        }
        model.addAttribute("days", days);
        model.addAttribute("monday", monday);
        model.addAttribute("base", base);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        return "scheduling/week";
    }

    private static LocalDate monday(LocalDate week) {
        return (week == null ? LocalDate.now() : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String name(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }

    private static String hours(Map<DayOfWeek, Resources.Window> hours) {
        List<String> out = new ArrayList<>();
        hours.forEach((d, w) ->
                out.add(d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + w));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
