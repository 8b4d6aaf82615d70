package org.relief.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.Codes;
import org.relief.patient.EntryKind;
import org.relief.patient.ImagingStudy;
import org.relief.patient.Medication;
import org.relief.patient.Patients;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Problem;
import org.relief.patient.Step;
import org.relief.procedure.Documentation;
import org.relief.procedure.ProcedureKinds;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;

/**
 * Test patients built through the real services (so every row is what the application itself would write), in one
 * fluent sentence instead of the register / add-to-team / add-entries set-up once copied into each integration test:
 *
 * <pre>
 * UUID id = fixture.patient().onTeamOf("pt.garcia").atStep(Step.PLANNING).withProblem(...).create();
 * </pre>
 *
 * A patient is Dana Testperson ({@link Fixtures#registration}), registered by desk.miller with a referral, with
 * dr.patel as physician; both are on her care team from registration. Part of {@link IntegrationTest}'s context.
 */
public class ClinicFixture {

    private final StaffDirectory staff;
    private final Patients patients;
    private final ChartService charts;
    private final CareTeams teams;

    ClinicFixture(StaffDirectory staff, Patients patients, ChartService charts, CareTeams teams) {
        this.staff = staff;
        this.patients = patients;
        this.charts = charts;
        this.teams = teams;
    }

    /** A demo staff member (application-test.yml) as the services see a signed-in user. */
    public Actor actor(String username) {
        return Fixtures.actor(staff, username);
    }

    /** A new patient to describe; nothing is stored until {@link PatientBuilder#create()}. */
    public PatientBuilder patient() {
        return new PatientBuilder();
    }

    /** A lumbar transforaminal ESI order on the left at L5 for radiculopathy, 60% relief expected, image-guided. */
    public static Facts.Order lumbarEsi(LocalDate planned) {
        return new Facts.Order(
                ProcedureType.ESI_TRANSFORAMINAL,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                planned,
                Facts.Indication.RADICULOPATHY,
                60.0,
                false,
                true,
                null,
                false,
                null);
    }

    public final class PatientBuilder {

        private String registeredBy = "desk.miller";
        private String physician = "dr.patel";
        private final List<String> team = new ArrayList<>();
        private final List<Consumer<UUID>> entries = new ArrayList<>();
        private Step step;
        private String familyName;

        private PatientBuilder() {}

        /**
         * A family name of the patient's own instead of Testperson: for tests that register many patients (the
         * fixture person is searched for by full name elsewhere, under a result limit).
         */
        public PatientBuilder named(String family) {
            familyName = family;
            return this;
        }

        /** The referring physician the patient is registered to (default dr.patel). */
        public PatientBuilder physician(String username) {
            physician = username;
            return this;
        }

        /** Puts these staff on the care team besides the registrar and the physician. */
        public PatientBuilder onTeamOf(String... usernames) {
            team.addAll(List.of(usernames));
            return this;
        }

        /** Moves the patient to this step of the pathway (by the physician) once everything else is recorded. */
        public PatientBuilder atStep(Step target) {
            step = target;
            return this;
        }

        public PatientBuilder withProblem(Problem problem) {
            return with(EntryKind.PROBLEM, problem);
        }

        public PatientBuilder withTreatment(PriorTreatment treatment) {
            return with(EntryKind.TREATMENT, treatment);
        }

        public PatientBuilder withImaging(ImagingStudy study) {
            return with(EntryKind.IMAGING, study);
        }

        public PatientBuilder withMedication(Medication medication) {
            return with(EntryKind.MEDICATION, medication);
        }

        /** Any chart entry, recorded by the physician through {@link ChartService#add}. */
        public <T extends Record> PatientBuilder with(EntryKind<T> kind, T data) {
            entries.add(id -> charts.add(actor(physician), id, kind, data));
            return this;
        }

        /**
         * Ready for a lumbar ESI: lumbar radiculopathy for 8 months, physical therapy without relief, an MRI showing
         * the disc touching the L5 root, and a left L5 transforaminal ESI done 10 days ago that helped 60% (followed
         * up today) - what the ESI rules need to decide on a next one.
         */
        public PatientBuilder readyForLumbarEsi() {
            withProblem(new Problem(
                    "M54.16",
                    "Radiculopathy, lumbar region",
                    LocalDate.now().minusMonths(8),
                    Codes.ClinicalStatus.ACTIVE));
            withTreatment(new PriorTreatment(
                    "Physical therapy",
                    LocalDate.now().minusMonths(6),
                    LocalDate.now().minusMonths(4),
                    "2x a week",
                    Codes.TreatmentResult.NONE,
                    null,
                    "no relief"));
            withImaging(new ImagingStudy(
                    Codes.Modality.MRI,
                    "Lumbar spine",
                    LocalDate.now().minusMonths(1),
                    "L4-L5 disc protrusion contacting the L5 root"));
            entries.add(id -> {
                Actor doctor = actor(physician);
                var done = charts.add(
                        doctor,
                        id,
                        ProcedureKinds.PERFORMED,
                        new Documentation.Performed(
                                null,
                                ProcedureType.ESI_TRANSFORAMINAL,
                                LocalDate.now().minusDays(10),
                                Facts.Region.LUMBAR,
                                Facts.Side.LEFT,
                                1,
                                7,
                                3,
                                "Dexamethasone 10 mg",
                                60,
                                Documentation.Guidance.FLUOROSCOPY,
                                null));
                charts.add(
                        doctor,
                        id,
                        ProcedureKinds.FOLLOW_UP,
                        new Documentation.FollowUp(
                                done.entryId(), Documentation.Point.OTHER, LocalDate.now(), 60, 1, 4));
            });
            return this;
        }

        /** Registers the patient and records everything described, in that order; returns the patient's id. */
        public UUID create() {
            Actor doctor = actor(physician);
            var registration = Fixtures.registration(doctor.staffId());
            if (familyName != null) {
                var d = registration.demographics();
                registration = new org.relief.patient.Registration(
                        new org.relief.patient.Demographics(
                                familyName,
                                d.givenName(),
                                d.birthDate(),
                                d.sex(),
                                d.phone(),
                                d.email(),
                                d.addressLine(),
                                d.city(),
                                d.postalCode()),
                        registration.referral(),
                        registration.coordinatingPhysicianId());
            }
            UUID id = patients.register(actor(registeredBy), registration).id();
            team.forEach(username -> teams.add(id, actor(username).staffId(), "test"));
            entries.forEach(entry -> entry.accept(id));
            if (step != null) {
                patients.changeStep(doctor, id, step, "test");
            }
            return id;
        }
    }
}
