package org.relief.scheduling;

import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.careteam.Staff;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.plan.Plans;
import org.relief.plan.Therapy;
import org.relief.plan.TherapyCatalog;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.scheduling.SchedulingKinds.Booking;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.FieldProblem;
import org.relief.shared.Inputs;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Appointments: book (one or a bounded series), move, cancel with a reason, mark a no-show; each a version of the
 * appointment record (never changed in place) behind the guard ({@link ChartAccess#open}, audited), needing
 * {@link Permission#BOOK_APPOINTMENTS}. Bad input is a 400 naming the field; a booking the calendar cannot take (double
 * booking, outside the clinician's hours, an absence) a {@link BookingConflictException} with the reasons in words.
 * PostgreSQL has the last word on double booking: an exclusion constraint on what each booking occupies, so of two
 * people booking the last slot at the same moment one gets it and the other the conflict.
 */
@Service
public class Appointments {
    // Why over 300 lines: booking, series, moves, cancellations and the calendars' reads share one set of checks and
    // one way of keeping the occupancy; next split: the calendars' reads.

    /** The most appointments one series books (three a week for twelve weeks). */
    public static final int MAX_SERIES = 36;

    /** How far ahead a booking may be made. */
    public static final int MAX_YEARS_AHEAD = 2;

    private final RecordStore store;
    private final RecordKind<Booking> kind;
    private final ChartAccess access;
    private final Resources resources;
    private final Patients patients;
    private final Plans plans;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Validator validator;

    Appointments(
            RecordStore store,
            RecordKind<Booking> appointmentRecords,
            ChartAccess access,
            Resources resources,
            Patients patients,
            Plans plans,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            Validator validator) {
        this.store = store;
        this.kind = appointmentRecords;
        this.access = access;
        this.resources = resources;
        this.patients = patients;
        this.plans = plans;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.validator = validator;
    }

    /** Books one appointment. */
    @Transactional
    public Appointment book(Actor actor, UUID patientId, BookingForm form, Errors bound) {
        return book(actor, patientId, form, bound, null);
    }

    /** Books one appointment for a procedure order (the optimiser's accepted proposal names the order). */
    @Transactional
    public Appointment book(Actor actor, UUID patientId, BookingForm form, Errors bound, UUID orderId) {
        OpenChart chart = open(actor, patientId, "book an appointment");
        Inputs.check(validator, form, bound);
        Checked c = check(form.type(), form.staffId(), form.roomId(), form.date(), form.start(), form.end(), "date");
        refuseDuringHold(chart, c.type());
        Booking booking = new Booking(
                c.type().code(),
                c.staff().id(),
                c.room().id(),
                form.date(),
                minutes(form.start()),
                minutes(c.end()),
                AppointmentStatus.BOOKED,
                null,
                orderId,
                blankToNull(form.note()));
        UUID id = UUID.randomUUID();
        refuseConflicts(
                java.util.Collections.singletonList(describe(c, form.date(), form.start())),
                List.of(occupancy(id, patientId, booking, c.type())));
        Versioned<Booking> saved = store.insertFirst(kind, patientId, id, booking, actor.username());
        occupy(id, patientId, booking, c.type());
        chart.audit(AuditAction.CREATE, "booked " + c.type().label() + " on " + form.date() + " " + form.start());
        return view(patientId, saved);
    }

    /** Books a series, all of it or nothing. */
    @Transactional
    public List<Appointment> series(Actor actor, UUID patientId, SeriesForm form, Errors bound) {
        OpenChart chart = open(actor, patientId, "book a series of appointments");
        Inputs.check(validator, form, bound);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.lastDate().isBefore(form.firstDate())) {
            problems.add(new FieldProblem("lastDate", "must be on or after the first date (" + form.firstDate() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<DayOfWeek> days = new LinkedHashSet<>(form.weekdays());
        long span = java.time.temporal.ChronoUnit.DAYS.between(form.firstDate(), form.lastDate());
        if (span > 7L * 53) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "lastDate", "makes the series too long: at most " + MAX_SERIES + " appointments")));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = form.firstDate(); !d.isAfter(form.lastDate()); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek())) {
                dates.add(d);
            }
        }
        if (dates.isEmpty()) {
            throw new InvalidInputException(List.of(
                    new FieldProblem("weekdays", "none of these weekdays falls between the first and last date")));
        }
        if (dates.size() > MAX_SERIES) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "lastDate",
                    "makes " + dates.size() + " appointments: a series has at most " + MAX_SERIES
                            + " (book a shorter one)")));
        }
        List<Checked> checked = new ArrayList<>();
        for (LocalDate d : dates) {
            checked.add(check(
                    form.type(),
                    form.staffId(),
                    form.roomId(),
                    d,
                    form.start(),
                    null,
                    dates.get(0).equals(d) ? "firstDate" : "lastDate"));
        }
        refuseDuringHold(chart, checked.get(0).type());
        UUID seriesId = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        List<Booking> bookings = new ArrayList<>();
        List<Occupied> occupied = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Checked c = checked.get(i);
            Booking b = new Booking(
                    c.type().code(),
                    c.staff().id(),
                    c.room().id(),
                    dates.get(i),
                    minutes(form.start()),
                    minutes(c.end()),
                    AppointmentStatus.BOOKED,
                    seriesId,
                    null,
                    blankToNull(form.note()));
            UUID id = UUID.randomUUID();
            ids.add(id);
            bookings.add(b);
            occupied.add(occupancy(id, patientId, b, c.type()));
            labels.add(describe(c, dates.get(i), form.start()));
        }
        refuseConflicts(labels, occupied);
        List<Appointment> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(view(patientId, store.insertFirst(kind, patientId, ids.get(i), bookings.get(i), actor.username())));
            occupy(ids.get(i), patientId, bookings.get(i), checked.get(i).type());
        }
        chart.audit(
                AuditAction.CREATE,
                "booked a series of " + out.size() + " " + checked.get(0).type().label() + " appointments, "
                        + dates.get(0) + " to " + dates.get(dates.size() - 1));
        return out;
    }

    /** Moves an appointment (the next version, with the reason); the version is the one the mover saw. */
    @Transactional
    public Appointment move(
            Actor actor,
            UUID patientId,
            UUID appointmentId,
            int version,
            LocalDate date,
            LocalTime start,
            UUID staffId,
            UUID roomId,
            String reason) {
        OpenChart chart = open(actor, patientId, "move an appointment");
        Versioned<Booking> current = current(patientId, appointmentId);
        List<FieldProblem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new FieldProblem("date", "is required"));
        }
        if (start == null) {
            problems.add(new FieldProblem("start", "is required"));
        }
        requireReason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (current.data().status() != AppointmentStatus.BOOKED) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "version",
                    "this appointment is " + current.data().status().label().toLowerCase() + ": book a new one")));
        }
        Booking was = current.data();
        Checked c = check(
                was.typeCode(),
                staffId == null ? was.staffId() : staffId,
                roomId == null ? was.roomId() : roomId,
                date,
                start,
                null,
                "date");
        Booking next = new Booking(
                was.typeCode(),
                c.staff().id(),
                c.room().id(),
                date,
                minutes(start),
                minutes(c.end()),
                AppointmentStatus.BOOKED,
                was.seriesId(),
                was.orderId(),
                was.note());
        release(appointmentId);
        refuseConflicts(
                java.util.Collections.singletonList(describe(c, date, start)),
                List.of(occupancy(appointmentId, patientId, next, c.type())));
        Versioned<Booking> saved =
                store.insertNext(kind, appointmentId, version, next, reason.strip(), actor.username());
        occupy(appointmentId, patientId, next, c.type());
        chart.audit(
                AuditAction.UPDATE,
                "moved " + c.type().label() + " from " + was.day() + " " + time(was.startMinute()) + " to " + date + " "
                        + start + ": " + reason.strip());
        return view(patientId, saved);
    }

    /** Cancels an appointment: the next version, cancelled, with the reason; its time is free again. */
    @Transactional
    public Appointment cancel(Actor actor, UUID patientId, UUID appointmentId, int version, String reason) {
        OpenChart chart = open(actor, patientId, "cancel an appointment");
        Versioned<Booking> current = current(patientId, appointmentId);
        List<FieldProblem> problems = new ArrayList<>();
        requireReason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (current.data().status() != AppointmentStatus.BOOKED) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "version",
                    "this appointment is " + current.data().status().label().toLowerCase() + " already")));
        }
        Versioned<Booking> saved = store.insertNext(
                kind,
                appointmentId,
                version,
                current.data().with(AppointmentStatus.CANCELLED),
                reason.strip(),
                actor.username());
        release(appointmentId);
        chart.audit(
                AuditAction.UPDATE,
                "cancelled the appointment of " + current.data().day() + ": " + reason.strip());
        return view(patientId, saved);
    }

    /** Marks a booked appointment as not attended (the next version); its time stays taken. */
    @Transactional
    public Appointment noShow(Actor actor, UUID patientId, UUID appointmentId, int version) {
        OpenChart chart = open(actor, patientId, "mark an appointment not attended");
        Versioned<Booking> current = current(patientId, appointmentId);
        if (current.data().status() != AppointmentStatus.BOOKED) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "version",
                    "this appointment is " + current.data().status().label().toLowerCase())));
        }
        if (current.data().day().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("version", "is still to come: it cannot be missed yet")));
        }
        Versioned<Booking> saved = store.insertNext(
                kind,
                appointmentId,
                version,
                current.data().with(AppointmentStatus.NO_SHOW),
                "did not attend",
                actor.username());
        chart.audit(
                AuditAction.UPDATE,
                "marked the appointment of " + current.data().day() + " not attended");
        return view(patientId, saved);
    }

    /**
     * The patient's appointments on or after a day (current versions, cancelled ones included with their status), for
     * the chart, the portal and FHIR: audited as a read of the chart.
     */
    @Transactional(readOnly = true)
    public List<Appointment> ofPatient(Actor actor, UUID patientId, LocalDate from) {
        access.open(actor, patientId, Purpose.read("appointments"));
        return store.current(kind, patientId).stream()
                .filter(v -> from == null || !v.data().day().isBefore(from))
                .map(v -> view(patientId, v))
                .toList();
    }

    /** Every version of one of the patient's appointments, newest first. */
    @Transactional(readOnly = true)
    public List<Appointment> history(Actor actor, UUID patientId, UUID appointmentId) {
        access.open(actor, patientId, Purpose.read("appointment history"));
        current(patientId, appointmentId);
        return store.history(kind, appointmentId).stream()
                .map(v -> view(patientId, v))
                .toList();
    }

    /** Which patient an appointment belongs to (a FHIR read names the appointment alone). */
    public Optional<UUID> patientOf(UUID appointmentId) {
        return store.patientOf(kind, appointmentId);
    }

    /**
     * A clinician's or a room's (or everybody's) booked appointments from..to, each shown patient audited; for those
     * who may book.
     */
    @Transactional(readOnly = true)
    public List<Appointment> calendar(
            Actor actor, UUID staffId, UUID roomId, LocalDate from, LocalDate to, String what) {
        // the calendars name patients: for those who book (front desk and clinicians), not the clinic admin
        access.requirePermission(actor, Permission.BOOK_APPOINTMENTS, null, what);
        List<Appointment> out = new ArrayList<>();
        jdbc.sql("select * from (select distinct on (entry_id) * from appointment where entry_id in "
                        + "(select entry_id from appointment where day between ? and ?) order by entry_id, version desc) t "
                        + "where day between ? and ? and status <> 'CANCELLED' and (?::uuid is null or staff_id = ?) "
                        + "and (?::uuid is null or room_id = ?) order by day, start_minute")
                .params(from, to, from, to, staffId, staffId, roomId, roomId)
                .query((rs, n) -> out.add(view(rs.getObject("patient_id", UUID.class), row(rs))))
                .list();
        Map<UUID, PatientSummary> names = patients.identities(
                out.stream().map(Appointment::patientId).distinct().toList());
        if (!names.isEmpty()) {
            audit.recordEach(actor, names.keySet(), AuditAction.READ, what, "OK");
        }
        return out.stream()
                .map(a -> a.named(Optional.ofNullable(names.get(a.patientId()))
                        .map(PatientSummary::displayName)
                        .orElse("")))
                .toList();
    }

    /** Booked appointments overlapping from..to for the optimiser (who and what is taken), not shown to anyone. */
    @Transactional(readOnly = true)
    public List<Appointment> takenBetween(LocalDate from, LocalDate to) {
        List<Appointment> out = new ArrayList<>();
        jdbc.sql("select * from (select distinct on (entry_id) * from appointment where entry_id in "
                        + "(select entry_id from appointment where day between ? and ?) order by entry_id, version desc) t "
                        + "where day between ? and ? and status <> 'CANCELLED'")
                .params(from, to, from, to)
                .query((rs, n) -> out.add(view(rs.getObject("patient_id", UUID.class), row(rs))))
                .list();
        return out;
    }

    /** Refuses (audited) unless the actor may book for this patient: the booking pages' own check before a form. */
    public void requireMayBook(Actor actor, UUID patientId, String what) {
        access.open(actor, patientId, Purpose.write(what), Permission.BOOK_APPOINTMENTS);
    }

    // ---- checks

    private record Checked(AppointmentType type, Staff staff, Room room, LocalTime end) {}

    private Checked check(
            String typeCode,
            UUID staffId,
            UUID roomId,
            LocalDate date,
            LocalTime start,
            LocalTime end,
            String dateField) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<AppointmentType> type = resources.type(typeCode);
        if (type.isEmpty()) {
            problems.add(new FieldProblem("type", "is not one of the choices"));
        }
        Optional<Staff> staff = resources.staffMember(staffId);
        if (staff.isEmpty() || !staff.get().role().isClinician() || !staff.get().enabled()) {
            problems.add(new FieldProblem("staffId", "is not one of the choices"));
        } else if (type.isPresent() && staff.get().role() != type.get().discipline()) {
            problems.add(new FieldProblem(
                    "staffId",
                    staff.get().displayName() + " is a "
                            + staff.get().role().label().toLowerCase() + "; "
                            + type.get().label() + " is given by a "
                            + type.get().discipline().label().toLowerCase()));
        }
        Optional<Room> room = resources.room(roomId);
        if (room.isEmpty()) {
            problems.add(new FieldProblem("roomId", "is not one of the choices"));
        } else if (type.isPresent() && !room.get().suits(type.get())) {
            problems.add(new FieldProblem(
                    "roomId",
                    room.get().name() + " does not suit " + type.get().label() + ": "
                            + String.join("; ", room.get().lacksFor(type.get()))));
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            problems.add(new FieldProblem(dateField, "must be today (" + today + ") or later"));
        } else if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            problems.add(new FieldProblem(
                    dateField,
                    "must be within " + MAX_YEARS_AHEAD + " years (by " + today.plusYears(MAX_YEARS_AHEAD) + ")"));
        }
        LocalTime until = end;
        if (end != null && !end.isAfter(start)) {
            problems.add(new FieldProblem("end", "must be after the start (" + start + ")"));
        } else if (end == null && type.isPresent()) {
            if (minutes(start) + type.get().minutes() > 24 * 60 - 1) {
                problems.add(new FieldProblem("start", "is too late: the appointment would end after midnight"));
            } else {
                until = start.plusMinutes(type.get().minutes());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(type.get(), staff.get(), room.get(), until);
    }

    /** The clinician's hours and absences on the day, in words when they do not cover the time. */
    private String describe(Checked c, LocalDate date, LocalTime start) {
        Resources.Availability a = resources.availability(c.staff().id(), date);
        if (a.window() == null) {
            return c.staff().displayName() + " " + a.why() + " (" + date + ")";
        }
        if (!a.window().covers(start, c.end())) {
            return c.staff().displayName() + " works " + a.window() + " on " + Resources.dayName(date.getDayOfWeek())
                    + ": " + start + "–" + c.end() + " on " + date + " is outside those hours";
        }
        return null;
    }

    private void refuseDuringHold(OpenChart chart, AppointmentType type) {
        boolean interventional = type.therapyCodes().stream()
                .map(TherapyCatalog::byCode)
                .flatMap(Optional::stream)
                .anyMatch(Therapy::interventional);
        if (interventional && plans.onHold(chart.patientId())) {
            chart.audit(AuditAction.DENIED, "book " + type.label(), "REFUSED: interventional care is on hold");
            throw new CareOnHoldException(
                    "book " + type.label(),
                    "interventional care is on hold after a safety alert: mental health care first");
        }
    }

    // ---- occupancy: what each current booking takes, guarded by PostgreSQL's exclusion constraint

    private record Occupied(
            UUID appointmentId,
            List<String> resources,
            LocalDateTime from,
            LocalDateTime to,
            LocalDateTime patientTo) {}

    private static Occupied occupancy(UUID id, UUID patientId, Booking b, AppointmentType type) {
        LocalDateTime from = b.day().atStartOfDay().plusMinutes(b.startMinute());
        LocalDateTime to = b.day().atStartOfDay().plusMinutes(b.endMinute());
        return new Occupied(
                id,
                List.of("staff:" + b.staffId(), "room:" + b.roomId(), "patient:" + patientId),
                from,
                to,
                to.plusMinutes(type.recoveryMinutes()));
    }

    /** Hours, absences and what is already booked, all in words; nothing is booked when any is found. */
    private void refuseConflicts(List<String> hours, List<Occupied> wanted) {
        List<String> reasons = new ArrayList<>();
        hours.stream().filter(h -> h != null).forEach(reasons::add);
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            Occupied o = wanted.get(i);
            for (String r : o.resources()) {
                LocalDateTime to = r.startsWith("patient:") ? o.patientTo() : o.to();
                List<String> taken = jdbc.sql(
                                "select lower(during) as f, upper(during) as t from appointment_occupancy "
                                        + "where resource = ? and during && tsrange(?, ?) and appointment_id <> ? order by 1")
                        .params(r, o.from(), to, o.appointmentId())
                        .query((rs, n) -> rs.getObject("f", LocalDateTime.class).toLocalTime() + "–"
                                + rs.getObject("t", LocalDateTime.class).toLocalTime())
                        .list();
                if (!taken.isEmpty()) {
                    reasons.add(names.computeIfAbsent(r, this::resourceName) + " already booked on "
                            + o.from().toLocalDate() + " " + String.join(", ", taken));
                }
            }
            // two appointments of one series never overlap each other (different days)
        }
        if (!reasons.isEmpty()) {
            throw new BookingConflictException(reasons);
        }
    }

    private String resourceName(String resource) {
        UUID id = UUID.fromString(resource.substring(resource.indexOf(':') + 1));
        if (resource.startsWith("staff:")) {
            return resources.staffMember(id).map(Staff::displayName).orElse("The clinician") + " is";
        }
        if (resource.startsWith("room:")) {
            return resources.room(id).map(Room::name).orElse("The room") + " is";
        }
        return "The patient is";
    }

    private void occupy(UUID id, UUID patientId, Booking b, AppointmentType type) {
        Occupied o = occupancy(id, patientId, b, type);
        for (String r : o.resources()) {
            String name = resourceName(r); // read before the insert: a refused insert aborts the transaction
            try {
                jdbc.sql(
                                "insert into appointment_occupancy (appointment_id, resource, during) values (?, ?, tsrange(?, ?))")
                        .params(id, r, o.from(), r.startsWith("patient:") ? o.patientTo() : o.to())
                        .update();
            } catch (DataIntegrityViolationException e) {
                // the exclusion constraint: someone booked this time a moment ago (their transaction won)
                throw new BookingConflictException(List.of(name + " booked on " + b.day() + " at "
                        + time(b.startMinute()) + " by someone else a moment ago: choose another time"));
            }
        }
    }

    private void release(UUID appointmentId) {
        jdbc.sql("delete from appointment_occupancy where appointment_id = ?")
                .param(appointmentId)
                .update();
    }

    // ---- reading

    private OpenChart open(Actor actor, UUID patientId, String what) {
        return access.open(actor, patientId, Purpose.write(what), Permission.BOOK_APPOINTMENTS);
    }

    private Versioned<Booking> current(UUID patientId, UUID appointmentId) {
        return store.latest(kind, appointmentId)
                .filter(v ->
                        patientId.equals(store.patientOf(kind, appointmentId).orElse(null)))
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId + " in this chart"));
    }

    private Versioned<Booking> row(ResultSet rs) throws SQLException {
        return new Versioned<>(
                rs.getObject("entry_id", UUID.class),
                rs.getInt("version"),
                rs.getBoolean("voided"),
                rs.getString("void_reason"),
                rs.getString("change_reason"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                new Booking(
                        rs.getString("type_code"),
                        rs.getObject("staff_id", UUID.class),
                        rs.getObject("room_id", UUID.class),
                        rs.getObject("day", LocalDate.class),
                        rs.getInt("start_minute"),
                        rs.getInt("end_minute"),
                        AppointmentStatus.valueOf(rs.getString("status")),
                        rs.getObject("series_id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("note")));
    }

    private Appointment view(UUID patientId, Versioned<Booking> v) {
        Booking b = v.data();
        AppointmentType type = resources.type(b.typeCode()).orElseThrow();
        return new Appointment(
                v.entryId(),
                v.version(),
                patientId,
                null,
                type,
                b.staffId(),
                resources.staffMember(b.staffId()).map(Staff::displayName).orElse(""),
                resources.room(b.roomId()).orElseThrow(),
                b.day(),
                time(b.startMinute()),
                time(b.endMinute()),
                b.status(),
                b.seriesId(),
                b.orderId(),
                b.note(),
                v.changeReason(),
                v.recordedBy(),
                v.recordedAt());
    }

    private static void requireReason(String reason, List<FieldProblem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required: say why"));
        } else if (reason.length() > 2000) {
            problems.add(new FieldProblem("reason", "is too long: at most 2,000 characters"));
        }
    }

    static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    static LocalTime time(int minutes) {
        return minutes >= 24 * 60 ? LocalTime.MAX.withSecond(0).withNano(0) : LocalTime.of(minutes / 60, minutes % 60);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
