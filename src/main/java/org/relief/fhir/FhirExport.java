package org.relief.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.evaluation.EvaluationKinds;
import org.relief.evaluation.Evaluations;
import org.relief.fhir.translate.AllergyTranslator;
import org.relief.fhir.translate.AppointmentTranslator;
import org.relief.fhir.translate.CarePlanTranslator;
import org.relief.fhir.translate.CareTeamTranslator;
import org.relief.fhir.translate.ConditionTranslator;
import org.relief.fhir.translate.DiagnosisTranslator;
import org.relief.fhir.translate.DiaryTranslator;
import org.relief.fhir.translate.DocumentTranslator;
import org.relief.fhir.translate.EncounterTranslator;
import org.relief.fhir.translate.ImagingTranslator;
import org.relief.fhir.translate.InstrumentTranslator;
import org.relief.fhir.translate.LetterTranslator;
import org.relief.fhir.translate.MedicationTranslator;
import org.relief.fhir.translate.PatientTranslator;
import org.relief.fhir.translate.PerformedProcedureTranslator;
import org.relief.fhir.translate.ProcedureTranslator;
import org.relief.fhir.translate.ReferralTranslator;
import org.relief.fhir.translate.StructuredMedicationTranslator;
import org.relief.letters.ConsultLetters;
import org.relief.patient.ChartHead;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.portal.Diary;
import org.relief.procedure.ProcedureKinds;
import org.relief.record.Versioned;
import org.relief.scheduling.Appointments;
import org.relief.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The chart as FHIR: a Patient alone, one resource by type and id, the resources of one type (for search), or
 * {@code $everything}. Reads go through the owning modules' services (chart, instruments, evaluation, plan), so
 * the caller's access is checked (care team or break-glass) and each read is audited like any other.
 */
@Service
public class FhirExport {
    // Why over 300 lines: one short method per exported resource type; splitting by type would scatter the guard and
    // stamping they share.

    /** The resource types Relief reads and searches by patient (besides Patient itself). */
    public static final List<String> PATIENT_TYPES = List.of(
            "ServiceRequest",
            "Condition",
            "MedicationStatement",
            "MedicationRequest",
            "AllergyIntolerance",
            "ImagingStudy",
            "Procedure",
            "Encounter",
            "Observation",
            "QuestionnaireResponse",
            "CarePlan",
            "Goal",
            "DocumentReference",
            "Appointment");

    /** The directory resource types Relief keeps as a sender sent them (see {@code fhir.bulk.Directory}). */
    public static final java.util.Set<String> DIRECTORY_TYPES =
            java.util.Set.of("Organization", "Practitioner", "Location", "PractitionerRole");

    private final ChartService charts;
    private final Patients patients;
    private final Assessments assessments;
    private final Evaluations evaluations;
    private final Plans plans;
    private final Clock clock;
    private final String mrnSystem;
    private final PatientIdentifiers identifiers;
    private final ConsultLetters letters;
    private final Appointments appointments;
    private final org.relief.medication.Medications medications;
    private final Diary diary;

    FhirExport(
            ChartService charts,
            Patients patients,
            Assessments assessments,
            Evaluations evaluations,
            Plans plans,
            Clock clock,
            @Value("${relief.fhir.mrn-system:urn:relief:mrn}") String mrnSystem,
            PatientIdentifiers identifiers,
            ConsultLetters letters,
            Appointments appointments,
            org.relief.medication.Medications medications,
            Diary diary) {
        this.medications = medications;
        this.diary = diary;
        this.identifiers = identifiers;
        this.letters = letters;
        this.appointments = appointments;
        this.charts = charts;
        this.patients = patients;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.plans = plans;
        this.clock = clock;
        this.mrnSystem = mrnSystem;
    }

    public String mrnSystem() {
        return mrnSystem;
    }

    /** One Patient (its current demographics); 404 when unknown, 403 when outside the caller's access. */
    public Patient patient(Actor actor, UUID patientId) {
        var demographics =
                charts.entries(actor, patientId, EntryKind.DEMOGRAPHICS).get(0); // the guard first
        var summary = patients.summary(patientId);
        return stamp(
                PatientTranslator.toFhir(summary, demographics.data(), mrnSystem, senders(patientId)),
                demographics.recordedAt());
    }

    /** Every resource of the chart, the chart's own entries first, then what the clinic added. */
    public List<Resource> everything(Actor actor, UUID patientId) {
        List<Resource> out = new ArrayList<>();
        everythingParts(actor, patientId, key -> false).forEach(p -> out.add(p.resource()));
        return out;
    }

    /**
     * What {@link #everything} returns, each resource still to be made: the chart is read (access-checked, audited)
     * now, but each entry is translated only when asked, and those made from one record version alone carry that
     * version as their key, so an encoding of them can be kept (a version never changes). The versions {@code kept}
     * names are not read at all: their parts are {@link Part#kept keys alone}, for the asker to write what it kept.
     * The reads share one read-only transaction (one commit, not one per service: issue 16).
     *
     * @param kept whether the asker keeps what it made of this version already
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<Part> everythingParts(Actor actor, UUID patientId, java.util.function.Predicate<VersionKey> kept) {
        ChartHead head = charts.head(actor, patientId); // the guard first: 404 or 403 before anything is read
        UUID id = head.patient().id();
        List<Part> out = new ArrayList<>();
        out.add(Part.made(stamp(
                PatientTranslator.toFhir(head.patient(), head.demographics().data(), mrnSystem, senders(id)),
                head.demographics().recordedAt())));
        entries(out, actor, id, EntryKind.REFERRAL, "referral", kept, x -> ReferralTranslator.toFhir(x, id));
        entries(out, actor, id, EntryKind.PROBLEM, "problem", kept, x -> ConditionTranslator.toFhir(x, id));
        entries(out, actor, id, EntryKind.MEDICATION, "medication", kept, x -> MedicationTranslator.toFhir(x, id));
        made(out, structuredMedications(actor, id, true, true));
        entries(out, actor, id, EntryKind.ALLERGY, "allergy", kept, x -> AllergyTranslator.toFhir(x, id));
        entries(out, actor, id, EntryKind.IMAGING, "imaging", kept, x -> ImagingTranslator.toFhir(x, id));
        entries(out, actor, id, EntryKind.TREATMENT, "treatment", kept, x -> ProcedureTranslator.toFhir(x, id));
        entries(out, actor, id, EntryKind.ENCOUNTER, "encounter", kept, x -> EncounterTranslator.toFhir(x, id));
        entries(out, actor, id, EntryKind.DOCUMENT, "document", kept, x -> DocumentTranslator.toFhir(x, id));
        made(out, letters(actor, id));
        if (!head.careTeam().isEmpty()) {
            out.add(Part.made(stamp(
                    CareTeamTranslator.toFhir(id, head.careTeam()),
                    head.careTeam().stream()
                            .map(org.relief.careteam.TeamMember::addedAt)
                            .filter(java.util.Objects::nonNull)
                            .max(java.util.Comparator.naturalOrder())
                            .orElse(null))));
            head.careTeam().forEach(m -> out.add(Part.made(stamp(CareTeamTranslator.practitioner(m), m.addedAt()))));
        }
        made(out, diagnoses(actor, id));
        made(out, instruments(actor, id, true, true));
        made(out, performed(actor, id, true, true));
        made(out, diary(actor, id));
        made(out, carePlans(actor, id));
        made(out, appointmentsWithSlots(actor, id));
        return out;
    }

    /** The current entries of one chart kind as parts: the kept ones as keys alone, the others to be translated. */
    private <T extends Record> void entries(
            List<Part> out,
            Actor actor,
            UUID patientId,
            EntryKind<T> kind,
            String translation,
            java.util.function.Predicate<VersionKey> kept,
            java.util.function.Function<Versioned<T>, ? extends Resource> translate) {
        for (var v : charts.currentUnlessKept(
                actor,
                patientId,
                kind,
                (entryId, version) -> kept.test(new VersionKey(translation, entryId, version)))) {
            out.add(
                    v.kept()
                            ? Part.kept(new VersionKey(translation, v.entryId(), v.version()))
                            : Part.of(translation, v.whole(), translate));
        }
    }

    private static void made(List<Part> out, List<? extends Resource> resources) {
        resources.forEach(r -> out.add(Part.made(r)));
    }

    /**
     * One resource of {@link #everythingParts}, made when {@link #resource()} is asked.
     *
     * @param key the record version it is made from alone ({@link VersionKey}), or null when it is made from more
     *     than one record, or from today's date, or made already
     */
    public record Part(VersionKey key, java.util.function.Supplier<? extends Resource> make) {

        /** A resource made already: nothing to keep. */
        public static Part made(Resource resource) {
            return new Part(null, () -> resource);
        }

        /**
         * A version the asker keeps what it made of ({@link #everythingParts}): nothing to make here, {@link
         * #resource()} refuses.
         */
        public static Part kept(VersionKey key) {
            return new Part(key, () -> {
                throw new IllegalStateException("kept by the asker, not made here: " + key);
            });
        }

        /** Made by {@code translate} from the one version {@code v} (stamped with when it was recorded). */
        static <T extends Record> Part of(
                String translation,
                Versioned<T> v,
                java.util.function.Function<Versioned<T>, ? extends Resource> translate) {
            return new Part(
                    new VersionKey(translation, v.entryId(), v.version()),
                    () -> stamp(translate.apply(v), v.recordedAt()));
        }

        public Resource resource() {
            return make.get();
        }
    }

    /**
     * A record version and the translation that made a resource of it: versions are never changed (a correction is a
     * new version), so the same key always makes the same resource.
     */
    public record VersionKey(String translation, UUID entryId, int version) {}

    /** The patient's appointments, the busy Slot each holds and the Schedule of each clinician (for $everything). */
    private List<Resource> appointmentsWithSlots(Actor actor, UUID patientId) {
        List<Resource> out = new ArrayList<>();
        java.util.Map<UUID, Resource> schedules = new java.util.LinkedHashMap<>();
        for (var a : appointments.ofPatient(actor, patientId, null)) {
            out.add(stamp(AppointmentTranslator.toFhir(a, clock.getZone()), a.recordedAt()));
            AppointmentTranslator.slot(a, clock.getZone()).ifPresent(slot -> {
                out.add(stamp(slot, a.recordedAt()));
                schedules.computeIfAbsent(a.staffId(), s -> AppointmentTranslator.schedule(a));
            });
        }
        out.addAll(schedules.values());
        return out;
    }

    /** The patient's resources of one type (one of {@link #PATIENT_TYPES}), current versions only. */
    public List<Resource> ofType(Actor actor, UUID patientId, String type) {
        List<Resource> out = new ArrayList<>();
        switch (type) {
            case "ServiceRequest" ->
                charts.entries(actor, patientId, EntryKind.REFERRAL)
                        .forEach(v -> out.add(stamp(ReferralTranslator.toFhir(v, patientId), v.recordedAt())));
            case "Condition" -> {
                charts.entries(actor, patientId, EntryKind.PROBLEM)
                        .forEach(v -> out.add(stamp(ConditionTranslator.toFhir(v, patientId), v.recordedAt())));
                out.addAll(diagnoses(actor, patientId));
            }
            case "MedicationStatement" -> {
                charts.entries(actor, patientId, EntryKind.MEDICATION)
                        .forEach(v -> out.add(stamp(MedicationTranslator.toFhir(v, patientId), v.recordedAt())));
                out.addAll(structuredMedications(actor, patientId, true, false));
            }
            case "MedicationRequest" -> out.addAll(structuredMedications(actor, patientId, false, true));
            case "AllergyIntolerance" ->
                charts.entries(actor, patientId, EntryKind.ALLERGY)
                        .forEach(v -> out.add(stamp(AllergyTranslator.toFhir(v, patientId), v.recordedAt())));
            case "ImagingStudy" ->
                charts.entries(actor, patientId, EntryKind.IMAGING)
                        .forEach(v -> out.add(stamp(ImagingTranslator.toFhir(v, patientId), v.recordedAt())));
            case "Encounter" ->
                charts.entries(actor, patientId, EntryKind.ENCOUNTER)
                        .forEach(v -> out.add(stamp(EncounterTranslator.toFhir(v, patientId), v.recordedAt())));
            case "Procedure" -> {
                charts.entries(actor, patientId, EntryKind.TREATMENT)
                        .forEach(v -> out.add(stamp(ProcedureTranslator.toFhir(v, patientId), v.recordedAt())));
                out.addAll(performed(actor, patientId, true, false));
            }
            case "Observation" -> {
                out.addAll(instruments(actor, patientId, false, true));
                out.addAll(performed(actor, patientId, false, true));
                out.addAll(diary(actor, patientId));
            }
            case "QuestionnaireResponse" -> out.addAll(instruments(actor, patientId, true, false));
            case "DocumentReference" -> {
                charts.entries(actor, patientId, EntryKind.DOCUMENT)
                        .forEach(v -> out.add(stamp(DocumentTranslator.toFhir(v, patientId), v.recordedAt())));
                out.addAll(letters(actor, patientId));
            }
            case "CarePlan", "Goal" ->
                carePlans(actor, patientId).stream()
                        .filter(r -> r.fhirType().equals(type))
                        .forEach(out::add);
            case "Appointment" ->
                appointments
                        .ofPatient(actor, patientId, null)
                        .forEach(a -> out.add(stamp(AppointmentTranslator.toFhir(a, clock.getZone()), a.recordedAt())));
            default -> throw new IllegalArgumentException("Relief does not serve " + type + " resources");
        }
        return out;
    }

    /**
     * One resource by type and id: its patient is found from the id, then the resource is read as in
     * {@link #ofType} (access-checked, audited). 404 when no such resource, or when it is voided or superseded.
     */
    public Resource read(Actor actor, String type, UUID id) {
        UUID patientId = patientOf(type, id).orElseThrow(() -> new NotFoundException("No " + type + " " + id));
        return ofType(actor, patientId, type).stream()
                .filter(r -> r.getIdPart().equals(id.toString()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No current " + type + " " + id));
    }

    private Optional<UUID> patientOf(String type, UUID id) {
        return switch (type) {
            case "ServiceRequest" -> charts.patientOf(EntryKind.REFERRAL, id);
            case "Condition" ->
                charts.patientOf(EntryKind.PROBLEM, id).or(() -> charts.patientOf(EvaluationKinds.DIAGNOSIS, id));
            case "MedicationStatement" ->
                charts.patientOf(EntryKind.MEDICATION, id).or(() -> medications.patientOf(id));
            case "MedicationRequest" -> medications.patientOf(id);
            case "AllergyIntolerance" -> charts.patientOf(EntryKind.ALLERGY, id);
            case "ImagingStudy" -> charts.patientOf(EntryKind.IMAGING, id);
            case "Encounter" -> charts.patientOf(EntryKind.ENCOUNTER, id);
            case "Procedure" ->
                charts.patientOf(EntryKind.TREATMENT, id).or(() -> charts.patientOf(ProcedureKinds.PERFORMED, id));
            case "Observation" -> assessments.patientOf(id).or(() -> charts.patientOf(ProcedureKinds.FOLLOW_UP, id));
            case "QuestionnaireResponse" -> assessments.patientOf(id);
            case "DocumentReference" -> charts.patientOf(EntryKind.DOCUMENT, id).or(() -> letters.patientOf(id));
            case "CarePlan" -> plans.patientOf(id);
            case "Appointment" -> appointments.patientOf(id);
            default -> Optional.empty();
        };
    }

    /** A Goal's id is its plan version's id and its place: the version names the patient. */
    public Resource readGoal(Actor actor, String goalId) {
        int dash = goalId.lastIndexOf('-');
        UUID versionId;
        try {
            versionId = UUID.fromString(goalId.substring(0, Math.max(0, dash)));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No Goal " + goalId);
        }
        UUID patientId = plans.patientOf(versionId).orElseThrow(() -> new NotFoundException("No Goal " + goalId));
        return ofType(actor, patientId, "Goal").stream()
                .filter(r -> r.getIdPart().equals(goalId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No Goal " + goalId));
    }

    /** Signed consult letters (issue 15), each with its PDF. */
    private List<Resource> letters(Actor actor, UUID patientId) {
        return letters.signed(actor, patientId).stream()
                .map(l -> (Resource) stamp(LetterTranslator.toFhir(l, patientId), l.recordedAt()))
                .toList();
    }

    /** Structured medications: a MedicationStatement each, and a MedicationRequest for those prescribed here. */
    private List<Resource> structuredMedications(Actor actor, UUID patientId, boolean statements, boolean requests) {
        List<Resource> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (var e : medications.list(actor, patientId)) {
            if (statements) {
                out.add(stamp(StructuredMedicationTranslator.statement(e, patientId, today), e.recordedAt()));
            }
            if (requests
                    && e.medication().prescriber() != null
                    && e.medication().prescriber().ours()) {
                out.add(stamp(StructuredMedicationTranslator.request(e, patientId, today), e.recordedAt()));
            }
        }
        return out;
    }

    private List<Resource> diagnoses(Actor actor, UUID patientId) {
        List<Resource> out = new ArrayList<>();
        evaluations
                .latest(actor, patientId)
                .ifPresent(e -> e.diagnoses()
                        .forEach(d -> out.add(stamp(DiagnosisTranslator.toFhir(d, patientId), d.recordedAt()))));
        return out;
    }

    private List<Resource> instruments(Actor actor, UUID patientId, boolean answers, boolean scores) {
        List<Resource> out = new ArrayList<>();
        assessments
                .history(actor, patientId)
                .values()
                .forEach(list -> list.forEach(r -> {
                    if (answers) {
                        out.add(stamp(InstrumentTranslator.answers(r, patientId), r.recordedAt()));
                    }
                    if (scores) {
                        out.add(stamp(InstrumentTranslator.score(r, patientId), r.recordedAt()));
                    }
                }));
        return out;
    }

    private List<Resource> performed(Actor actor, UUID patientId, boolean procedures, boolean followUps) {
        List<Resource> out = new ArrayList<>();
        if (procedures) {
            charts.entries(actor, patientId, ProcedureKinds.PERFORMED)
                    .forEach(v -> out.add(stamp(PerformedProcedureTranslator.toFhir(v, patientId), v.recordedAt())));
        }
        if (followUps) {
            charts.entries(actor, patientId, ProcedureKinds.FOLLOW_UP)
                    .forEach(v -> out.add(stamp(PerformedProcedureTranslator.followUp(v, patientId), v.recordedAt())));
        }
        return out;
    }

    /** The patient's diary days: sleep quality and minutes of activity (pain and PEG leave as instrument scores). */
    private List<Resource> diary(Actor actor, UUID patientId) {
        List<Resource> out = new ArrayList<>();
        diary.entries(actor, patientId)
                .forEach(v -> DiaryTranslator.toFhir(v, patientId).forEach(o -> out.add(stamp(o, v.recordedAt()))));
        return out;
    }

    private List<Resource> carePlans(Actor actor, UUID patientId) {
        List<PlanVersion> versions = plans.versions(actor, patientId); // newest first
        List<Resource> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = versions.size() - 1; i >= 0; i--) {
            UUID previous = i + 1 < versions.size() ? versions.get(i + 1).id() : null;
            // an earlier version changed (it was replaced) when the next one was made
            PlanVersion v = versions.get(i);
            java.time.Instant changed = i == 0
                    ? (v.signedAt() != null ? v.signedAt() : v.createdAt())
                    : versions.get(i - 1).createdAt();
            CarePlanTranslator.toFhir(v, i == 0, previous, today).forEach(r -> out.add(stamp(r, changed)));
        }
        return out;
    }

    /** The identifiers senders gave the patient, as FHIR. */
    public List<org.hl7.fhir.r4.model.Identifier> senders(UUID patientId) {
        return identifiers.of(patientId).stream()
                .map(PatientIdentifiers.Kept::toFhir)
                .toList();
    }

    /** Sets {@code meta.lastUpdated}: when what the resource says was last recorded. */
    static <R extends Resource> R stamp(R resource, java.time.Instant at) {
        if (at != null) {
            resource.getMeta().setLastUpdated(java.util.Date.from(at));
        }
        return resource;
    }

    /** A resource's full URL under {@code base} (the FHIR endpoint), as a searchset entry names it. */
    public static String fullUrl(String base, Resource r) {
        return base + "/" + path(r);
    }

    /** A resource's type and id, {@code Type/id}: its URL below the FHIR endpoint. */
    public static String path(Resource r) {
        return r.fhirType() + "/" + r.getIdPart();
    }

    /** A searchset bundle of the given resources, with full URLs under {@code base}. */
    public static Bundle searchset(String base, List<? extends Resource> resources, int total) {
        Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        b.setTotal(total);
        for (Resource r : resources) {
            b.addEntry().setFullUrl(fullUrl(base, r)).setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return b;
    }
}
