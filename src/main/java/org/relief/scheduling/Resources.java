package org.relief.scheduling;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.careteam.Role;
import org.relief.careteam.Staff;
import org.relief.careteam.StaffDirectory;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's scheduling resources: rooms and their equipment, appointment types, opening hours, each clinician's
 * working hours (the opening hours unless they have their own) and absences. Configuration, not patient data: read by
 * anyone signed in, changed by the clinic admin.
 */
@Service
public class Resources {

    /** A span of working time on one day. */
    public record Window(LocalTime from, LocalTime to) {

        public boolean covers(LocalTime start, LocalTime end) {
            return !start.isBefore(from) && !end.isAfter(to);
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    /** An absence of a clinician (leave, a course), whole days. */
    public record Absence(UUID id, UUID staffId, LocalDate firstDay, LocalDate lastDay, String reason) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final ChartAccess access;

    Resources(JdbcClient jdbc, StaffDirectory staff, ChartAccess access) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<Room> rooms() {
        return jdbc.sql("select * from sched_room order by position, name")
                .query((rs, n) -> new Room(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        RoomKind.valueOf(rs.getString("kind")),
                        enums(rs.getArray("equipment"), Equipment.class)))
                .list();
    }

    public Optional<Room> room(UUID id) {
        return rooms().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Transactional(readOnly = true)
    public List<AppointmentType> types() {
        return jdbc.sql("select * from sched_appointment_type order by position, label")
                .query(Resources::type)
                .list();
    }

    public Optional<AppointmentType> type(String code) {
        return types().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The type that delivers a plan therapy (by its catalogue code), if the clinic has one. */
    public Optional<AppointmentType> typeForTherapy(String therapyCode) {
        return types().stream()
                .filter(t -> t.therapyCodes().contains(therapyCode))
                .findFirst();
    }

    /** The clinicians who may give appointments of this discipline. */
    public List<Staff> clinicians(Role discipline) {
        return staff.withRole(discipline).stream().filter(Staff::enabled).toList();
    }

    /** Every clinician, for the calendars' pickers. */
    public List<Staff> clinicians() {
        return staff.all().stream()
                .filter(s -> s.enabled() && s.role().isClinician())
                .toList();
    }

    public Optional<Staff> staffMember(UUID id) {
        return id == null ? Optional.empty() : staff.find(id);
    }

    /** The clinic's opening hours by weekday (closed days absent). */
    @Transactional(readOnly = true)
    public Map<DayOfWeek, Window> openingHours() {
        Map<DayOfWeek, Window> out = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select * from sched_clinic_hours")
                .query((rs, n) -> out.put(
                        DayOfWeek.of(rs.getInt("weekday")),
                        new Window(rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class))))
                .list();
        return out;
    }

    /** A clinician's weekly hours: their own where set, else the clinic's opening hours. */
    @Transactional(readOnly = true)
    public Map<DayOfWeek, Window> workingHours(UUID staffId) {
        Map<DayOfWeek, Window> own = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select * from sched_working_hours where staff_id = ?")
                .param(staffId)
                .query((rs, n) -> own.put(
                        DayOfWeek.of(rs.getInt("weekday")),
                        new Window(rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class))))
                .list();
        return own.isEmpty() ? openingHours() : own;
    }

    /** A clinician's absences overlapping the days from..to. */
    @Transactional(readOnly = true)
    public List<Absence> absences(UUID staffId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from sched_absence where staff_id = ? and first_day <= ? and last_day >= ? "
                        + "order by first_day")
                .params(staffId, to, from)
                .query((rs, n) -> new Absence(
                        rs.getObject("id", UUID.class),
                        rs.getObject("staff_id", UUID.class),
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class),
                        rs.getString("reason")))
                .list();
    }

    /** When the clinician works on the day, or why not (absent, not a working day). */
    public Availability availability(UUID staffId, LocalDate day) {
        Optional<Absence> away = absences(staffId, day, day).stream().findFirst();
        if (away.isPresent()) {
            return new Availability(
                    null,
                    "absent (" + away.get().reason() + ", " + away.get().firstDay() + " to "
                            + away.get().lastDay() + ")");
        }
        Window w = workingHours(staffId).get(day.getDayOfWeek());
        return w == null
                ? new Availability(null, "does not work on " + dayName(day.getDayOfWeek()))
                : new Availability(w, null);
    }

    /** A day's working window, or the reason there is none. */
    public record Availability(Window window, String why) {}

    /** The admin sets a clinician's hours for one weekday. */
    @Transactional
    public void setHours(Actor actor, UUID staffId, DayOfWeek day, LocalTime starts, LocalTime ends) {
        access.requirePermission(actor, Permission.ADMINISTER, null, "set working hours");
        List<FieldProblem> problems = new ArrayList<>();
        if (staffMember(staffId).filter(s -> s.role().isClinician()).isEmpty()) {
            problems.add(new FieldProblem("staffId", "is not one of the choices"));
        }
        if (day == null) {
            problems.add(new FieldProblem("weekday", "is required"));
        }
        if (starts == null) {
            problems.add(new FieldProblem("starts", "is required"));
        }
        if (ends == null || starts != null && !ends.isAfter(starts)) {
            problems.add(new FieldProblem("ends", "must be after the start"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql(
                        "insert into sched_working_hours (staff_id, weekday, starts, ends) values (?, ?, ?, ?) "
                                + "on conflict (staff_id, weekday) do update set starts = excluded.starts, ends = excluded.ends")
                .params(staffId, day.getValue(), starts, ends)
                .update();
    }

    /** The admin records a clinician's absence (whole days). */
    @Transactional
    public Absence addAbsence(Actor actor, UUID staffId, LocalDate first, LocalDate last, String reason) {
        access.requirePermission(actor, Permission.ADMINISTER, null, "record an absence");
        List<FieldProblem> problems = new ArrayList<>();
        if (staffMember(staffId).isEmpty()) {
            problems.add(new FieldProblem("staffId", "is not a member of staff"));
        }
        if (first == null) {
            problems.add(new FieldProblem("firstDay", "is required"));
        }
        if (last == null || first != null && last.isBefore(first)) {
            problems.add(new FieldProblem("lastDay", "must be on or after the first day"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into sched_absence (id, staff_id, first_day, last_day, reason, recorded_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(id, staffId, first, last, reason.strip(), actor.username())
                .update();
        return new Absence(id, staffId, first, last, reason.strip());
    }

    /** The room, or 404. */
    public Room requireRoom(UUID id) {
        return room(id).orElseThrow(() -> new NotFoundException("No room " + id));
    }

    static String dayName(DayOfWeek d) {
        return d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + "s";
    }

    private static AppointmentType type(ResultSet rs, int n) throws SQLException {
        return new AppointmentType(
                rs.getString("code"),
                rs.getString("label"),
                Role.valueOf(rs.getString("discipline")),
                rs.getInt("minutes"),
                enums(rs.getArray("room_kinds"), RoomKind.class),
                enums(rs.getArray("equipment"), Equipment.class),
                rs.getInt("recovery_minutes"),
                rs.getBoolean("driver_required"),
                rs.getBoolean("nothing_by_mouth"),
                new LinkedHashSet<>(
                        List.of((String[]) rs.getArray("therapy_codes").getArray())),
                rs.getString("before_visit"),
                List.of((String[]) rs.getArray("bundle").getArray()));
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : (String[]) array.getArray()) {
            out.add(Enum.valueOf(type, s));
        }
        return out;
    }
}
