package org.relief.medication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Purpose;
import org.relief.medication.MedicationKinds.Stored;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blood thinners the procedure rules hold before a procedure (shared/CLINICAL_RULES.md §9, Narouze et al. 2018):
 * anticoagulants, antiplatelets and NSAIDs, read from the structured list with their last dose taken, plus the
 * chart's free-text medications not structured yet (a free-text thinner is never dropped: it counts as before, held
 * from the day its "on hold" status was recorded). A structured medication replaces the free text it structures.
 */
@Service
public class BloodThinnerList {

    /** The classes the holds are about (the procedure rules' table has anticoagulants, antiplatelets and NSAIDs). */
    static final Set<DrugClass> HELD = EnumSet.of(DrugClass.ANTICOAGULANT, DrugClass.ANTIPLATELET, DrugClass.NSAID);

    private static final Set<org.relief.patient.Codes.DrugClass> HELD_FREE_TEXT = EnumSet.of(
            org.relief.patient.Codes.DrugClass.ANTICOAGULANT,
            org.relief.patient.Codes.DrugClass.ANTIPLATELET,
            org.relief.patient.Codes.DrugClass.NSAID);

    private final RecordStore store;
    private final RecordKind<Stored> meds;
    private final Medications medications;
    private final IngredientCatalogue catalogue;
    private final ChartAccess access;
    private final java.time.Clock clock;

    BloodThinnerList(
            RecordStore store,
            RecordKind<Stored> structuredMedications,
            Medications medications,
            IngredientCatalogue catalogue,
            ChartAccess access,
            java.time.Clock clock) {
        this.store = store;
        this.meds = structuredMedications;
        this.medications = medications;
        this.catalogue = catalogue;
        this.access = access;
        this.clock = clock;
    }

    /**
     * One blood thinner as the hold rule reads it.
     *
     * @param name as shown ("apixaban 5 mg tablet", or the free text as written)
     * @param taken still on the list (structured: not stopped; free text: active)
     * @param heldSince the first day without a dose: a structured one's stop date, a free-text one's "on hold" date;
     *     null while taken
     * @param lastDoseTaken the structured list's last dose taken, or null when not asked
     * @param lastDoseRecordedOn the day that last dose was recorded (the first version that said it)
     * @param structured from the structured list (false: free text still to reconcile)
     */
    public record Thinner(
            String name,
            boolean taken,
            LocalDate heldSince,
            LocalDateTime lastDoseTaken,
            LocalDate lastDoseRecordedOn,
            boolean structured) {}

    /**
     * The patient's blood thinners now: structured ones taken, or stopped (held since the stop date) in the last
     * versions on file, and free-text ones not structured and not stopped. Opens the chart (a read, audited).
     */
    @Transactional(readOnly = true)
    public List<Thinner> of(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("blood thinners for the procedure rules"));
        LocalDate today = LocalDate.now(clock);
        List<Thinner> out = new ArrayList<>();
        List<Medications.Entry> structured = medications.entries(patientId);
        for (Medications.Entry e : structured) {
            Medication m = e.medication();
            if (m.ingredients().stream().noneMatch(i -> HELD.contains(catalogue.classOf(i.name())))) {
                continue;
            }
            boolean taken = m.takenOn(today);
            if (!taken && m.stop() == null) {
                continue; // not started yet
            }
            out.add(new Thinner(
                    e.name(),
                    taken,
                    taken ? null : m.stop(),
                    m.lastDoseTaken(),
                    m.lastDoseTaken() == null ? null : recordedOn(e.entryId(), m.lastDoseTaken()),
                    true));
        }
        for (Medications.ToReconcile t : medications.toReconcile(patientId, structured)) {
            if (t.status() == MedicationStatus.STOPPED) {
                continue;
            }
            var v = store.latest(EntryKind.MEDICATION.record(), t.entryId()).orElseThrow();
            if (!HELD_FREE_TEXT.contains(v.data().drugClass())) {
                continue;
            }
            out.add(new Thinner(
                    t.name(),
                    t.status() == MedicationStatus.ACTIVE,
                    t.status() == MedicationStatus.ON_HOLD
                            ? LocalDate.ofInstant(v.recordedAt(), ZoneId.systemDefault())
                            : null,
                    null,
                    null,
                    false));
        }
        return out;
    }

    /** The day the current "last dose taken" was first recorded: the oldest version in the run that says it. */
    private LocalDate recordedOn(UUID entryId, LocalDateTime lastDose) {
        java.time.Instant at = null;
        for (Versioned<Stored> v : store.history(meds, entryId)) { // newest first
            if (!Objects.equals(v.data().lastDoseTaken(), lastDose)) {
                break;
            }
            at = v.recordedAt();
        }
        return at == null ? null : LocalDate.ofInstant(at, ZoneId.systemDefault());
    }
}
