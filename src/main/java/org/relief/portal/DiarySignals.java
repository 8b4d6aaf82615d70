package org.relief.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.relief.assessment.Instruments;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.portal.Diary.DiaryDay;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the diary tells the care team on the clinician's dashboard, for their teams' patients who keep a diary in the
 * portal: a rise in the diary's PEG (the mean of its three items) of at least the PEG's meaningful change over a week
 * (this week's mean against the week before; {@code Instruments.PEG}: 1.0 point, Reed, J Pain 2023), and no entry
 * for {@code relief.portal.diary-silence-days} days (a clinic setting, not a clinical number). Each patient shown is
 * audited, as the dashboard's other lists are.
 */
@Service
public class DiarySignals {

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final RecordKind<DiaryDay> kind;
    private final Patients patients;
    private final AuditLog audit;
    private final Clock clock;
    private final int silenceDays;

    DiarySignals(
            JdbcClient jdbc,
            RecordStore records,
            RecordKind<DiaryDay> kind,
            Patients patients,
            AuditLog audit,
            Clock clock,
            @Value("${relief.portal.diary-silence-days:3}") int silenceDays) {
        this.jdbc = jdbc;
        this.records = records;
        this.kind = kind;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.silenceDays = silenceDays;
    }

    /** One patient's signal, in words, with the figures it rests on. */
    public record Signal(PatientSummary patient, String what, String basis) {}

    /** The signals for the clinician's teams' patients with a portal account and a diary (audited per patient). */
    @Transactional(readOnly = true)
    public List<Signal> forDashboard(Actor actor) {
        if (!actor.isClinician()) {
            return List.of();
        }
        List<UUID> keeping =
                jdbc.sql("""
                select distinct a.patient_id from portal_account a
                join care_team_member m on m.patient_id = a.patient_id and m.staff_id = ? and m.removed_at is null
                where a.enabled and a.username is not null
                  and exists (select 1 from diary_entry d where d.patient_id = a.patient_id)""").param(actor.staffId()).query(UUID.class).list();
        LocalDate today = LocalDate.now(clock);
        List<UUID> shown = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        Map<UUID, PatientSummary> who = keeping.isEmpty() ? Map.of() : patients.identities(keeping);
        for (UUID patient : keeping) {
            List<DiaryDay> days =
                    records.current(kind, patient).stream().map(Versioned::data).toList();
            List<String[]> found = signals(days, today, silenceDays);
            for (String[] f : found) {
                signals.add(new Signal(who.get(patient), f[0], f[1]));
            }
            if (!found.isEmpty()) {
                shown.add(patient);
            }
        }
        if (!shown.isEmpty()) {
            audit.recordEach(actor, shown, AuditAction.READ, "shown in the dashboard's diary signals", "OK");
        }
        return signals;
    }

    /** The signals of one diary (plain rules, no storage): each as {what, basis}. */
    static List<String[]> signals(List<DiaryDay> days, LocalDate today, int silenceDays) {
        List<String[]> out = new ArrayList<>();
        if (days.isEmpty()) {
            return out;
        }
        LocalDate last =
                days.stream().map(DiaryDay::day).max(LocalDate::compareTo).orElseThrow();
        long silent = ChronoUnit.DAYS.between(last, today);
        if (silent >= silenceDays) {
            out.add(new String[] {
                "Last diary entry " + silent + " days ago",
                "last entry " + last + "; the clinic's setting: " + silenceDays + " days"
            });
        }
        Double thisWeek = meanPeg(days, today.minusDays(6), today);
        Double weekBefore = meanPeg(days, today.minusDays(13), today.minusDays(7));
        double mid = Instruments.PEG.meaningfulChange().points();
        if (thisWeek != null && weekBefore != null && thisWeek - weekBefore + 1e-9 >= mid) {
            out.add(new String[] {
                String.format(Locale.ROOT, "PEG up %.1f points over a week", thisWeek - weekBefore),
                String.format(
                        Locale.ROOT,
                        "diary PEG mean %.1f this week against %.1f the week before; meaningful change %.1f (%s)",
                        thisWeek,
                        weekBefore,
                        mid,
                        Instruments.PEG.meaningfulChange().source())
            });
        }
        return out;
    }

    private static Double meanPeg(List<DiaryDay> days, LocalDate from, LocalDate to) {
        double sum = 0;
        int n = 0;
        for (DiaryDay d : days) {
            if (!d.day().isBefore(from) && !d.day().isAfter(to)) {
                sum += (d.painAverage() + d.enjoyment() + d.generalActivity()) / 3.0;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
