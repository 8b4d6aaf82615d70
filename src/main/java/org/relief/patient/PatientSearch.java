package org.relief.patient;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a patient search asks the database, from what was typed (plain Java, tested without one). Own patients: any
 * part of the name, a birth date (YYYY-MM-DD) or a record number. The whole clinic: no less than it takes to name one
 * person, the exact record number or the full name (family and given, either order) with the date of birth; a
 * shorter query is {@link #refused()}, so that the clinic cannot be listed by trying letters.
 *
 * @param sql the query, or null when refused
 * @param args its arguments
 */
record PatientSearch(String sql, List<Object> args) {

    /** What a clinic-wide search needs, in words (shown when a query asks for less). */
    static final String CLINIC_NEEDS = "to search the whole clinic, type the full name and the date of birth (e.g. "
            + "Tenyear Dana 1961-04-02) or the exact record number (e.g. R1042)";

    private static final Pattern MRN = Pattern.compile("(?i)r?\\d{3,}");

    private static final String ORDER = " order by s.family_name, s.given_name, s.mrn limit ";

    boolean refused() {
        return sql == null;
    }

    /** A search of the patients whose care team {@code staffId} is on. */
    static PatientSearch mine(UUID staffId, String q, int limit) {
        Optional<LocalDate> date = date(q);
        if (date.isPresent() || MRN.matcher(q).matches()) {
            // a birth date or a record number: its index finds the few, each checked against her team ("exists" with
            // "offset 0" keeps the check a probe per match; PostgreSQL otherwise turned it into a merge join reading
            // all of a physician's 10,000 memberships: EXPLAIN ANALYZE, issue 16)
            return new PatientSearch(
                    "select s.* from patient_summary s where exists (select 1 from care_team_member m"
                            + " where m.patient_id = s.patient_id and m.removed_at is null and m.staff_id = ? offset 0)"
                            + (date.isPresent() ? " and s.birth_date = ?" : " and s.mrn = ?") + ORDER
                            + bounded(limit),
                    List.of(staffId, date.isPresent() ? date.get() : mrn(q)));
        }
        // a name, or nothing typed: her own rows of care_team_patient (V101: the summary's columns under her staff
        // id), whose indexes hold her staff id with the names' trigrams and in name order, so the search reads hers
        // alone however large the clinic (a trigram index over the whole clinic matched every namesake first)
        StringBuilder sql = new StringBuilder("select p.* from care_team_patient p where p.staff_id = ?");
        List<Object> args = new ArrayList<>(List.of(staffId));
        if (!q.isEmpty()) {
            for (String word : q.toLowerCase().replace(",", " ").split("\\s+")) {
                sql.append(" and lower(p.family_name || ' ' || p.given_name) like ?");
                args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return new PatientSearch(
                sql.append(" order by p.family_name, p.given_name, p.mrn limit ")
                        .append(bounded(limit))
                        .toString(),
                args);
    }

    /** A search of the whole clinic: the exact record number, or full name plus date of birth; else refused. */
    static PatientSearch clinic(String q, int limit) {
        if (MRN.matcher(q).matches()) {
            return new PatientSearch(
                    "select s.* from patient_summary s where s.mrn = ?" + ORDER + bounded(limit), List.of(mrn(q)));
        }
        List<String> words = new ArrayList<>(List.of(q.replace(",", " ").strip().split("\\s+")));
        Optional<LocalDate> birth = words.stream()
                .map(PatientSearch::date)
                .flatMap(Optional::stream)
                .findFirst();
        words.removeIf(w -> date(w).isPresent());
        if (birth.isEmpty() || words.size() < 2) {
            return new PatientSearch(null, List.of());
        }
        String name = String.join(" ", words).toLowerCase();
        return new PatientSearch(
                "select s.* from patient_summary s where s.birth_date = ?"
                        + " and (lower(s.family_name || ' ' || s.given_name) = ? or lower(s.given_name || ' ' || s.family_name) = ?)"
                        + ORDER + bounded(limit),
                List.of(birth.get(), name, name));
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, 200));
    }

    private static String mrn(String q) {
        return q.toUpperCase().startsWith("R") ? q.toUpperCase() : "R" + q;
    }

    private static Optional<LocalDate> date(String q) {
        if (!q.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(q));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
