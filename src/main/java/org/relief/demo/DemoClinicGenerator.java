package org.relief.demo;

import static org.relief.demo.DemoCatalog.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.relief.careteam.CareTeams.Membership;
import org.relief.careteam.Role;
import org.relief.careteam.Staff;
import org.relief.patient.Allergy;
import org.relief.patient.ChartBulkLoader;
import org.relief.patient.ChartBulkLoader.SeedChart;
import org.relief.patient.ChartBulkLoader.SeedEntry;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.Codes.Modality;
import org.relief.patient.Codes.Severity;
import org.relief.patient.Codes.Sex;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.patient.Codes.Urgency;
import org.relief.patient.Demographics;
import org.relief.patient.Encounter;
import org.relief.patient.EntryKind;
import org.relief.patient.ImagingStudy;
import org.relief.patient.Medication;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Problem;
import org.relief.patient.Referral;
import org.relief.patient.Step;
import org.relief.procedure.Documentation;
import org.relief.procedure.ProcedureKinds;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;

/**
 * Generates a synthetic clinic from a seed: the same seed, size and reference date always give the same clinic,
 * ids included. Plain Java (no Spring, no SQL) so it can be tested and timed on its own.
 */
final class DemoClinicGenerator {
    // Why over 300 lines: the deterministic demo generator's data tables and their use.

    static final List<Staff> STAFF = List.of(
            staff("dr.patel", "Dr. Anika Patel", Role.PHYSICIAN),
            staff("dr.okafor", "Dr. Chidi Okafor", Role.PHYSICIAN),
            staff("chiro.lee", "Jordan Lee, DC", Role.CHIROPRACTOR),
            staff("pt.garcia", "Maria Garcia, DPT", Role.PHYSICAL_THERAPIST),
            staff("acu.chen", "Wei Chen, LAc", Role.ACUPUNCTURIST),
            staff("mh.brooks", "Dr. Sam Brooks, PsyD", Role.MENTAL_HEALTH_THERAPIST),
            staff("desk.miller", "Pat Miller", Role.FRONT_DESK));
    static final Staff ADMIN = staff("admin", "Clinic Admin", Role.ADMIN);

    /** Spread of steps across the demo clinic (referred, evaluation, deferred, planning, on plan, discharged). */
    private static final Step[] STEP_CYCLE = {
        Step.REFERRED,
        Step.IN_EVALUATION,
        Step.ON_PLAN,
        Step.REFERRED,
        Step.IN_EVALUATION,
        Step.ON_PLAN,
        Step.DEFERRED_MENTAL_HEALTH,
        Step.PLANNING,
        Step.ON_PLAN,
        Step.DISCHARGED
    };

    private final long seed;
    private final LocalDate today;

    DemoClinicGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /**
     * A physician's panel in a large demo clinic: dr.patel and dr.okafor take turns for the first {@code 2 * PANEL}
     * patients, and every patient after those goes to dr.okafor, so dr.patel's dashboard holds 10,000 patients in a
     * clinic of 20,000 and of 100,000 alike (issue 16 measures her dashboard as the clinic grows). Small demo clinics
     * (the default 48) are unchanged.
     */
    static final int PANEL = 10_000;

    /** The physician on patient {@code index}'s team: see {@link #PANEL}. */
    static Staff physician(int index) {
        return index < 2 * PANEL ? STAFF.get(index % 2) : STAFF.get(1);
    }

    /** One generated patient: the chart and who is on its team. */
    record GeneratedPatient(SeedChart chart, List<Membership> team) {}

    /** Patient number {@code index} (0-based); independent of the others, so large clinics generate in chunks. */
    GeneratedPatient patient(int index, String mrn) {
        Random rnd = new Random(seed * 1_000_003L + index);
        UUID id = uuid(rnd);
        Sex sex = rnd.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        String given = pick(rnd, sex == Sex.FEMALE ? GIVEN_F : GIVEN_M);
        String family = pick(rnd, FAMILY);
        LocalDate birth = today.minusYears(22 + rnd.nextInt(62)).minusDays(rnd.nextInt(365));
        Step step = STEP_CYCLE[index % STEP_CYCLE.length];
        // referred long enough ago for what the step's story puts after the referral (a baseline 120 days ago
        // for patients in planning and on a plan, 14 days ago for those in evaluation)
        int daysAgo = switch (step) {
            case REFERRED -> 3;
            case IN_EVALUATION, DEFERRED_MENTAL_HEALTH -> 21;
            case PLANNING, ON_PLAN, DISCHARGED -> 130;
        };
        LocalDate referred = today.minusDays(daysAgo + rnd.nextInt(step == Step.REFERRED ? 20 : 400));
        Instant created = referred.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Demographics demographics = new Demographics(
                family,
                given,
                birth,
                sex,
                String.format("555-%03d-%04d", rnd.nextInt(1000), rnd.nextInt(10000)),
                (given + "." + family).toLowerCase().replaceAll("[^a-z.]", "") + index + "@example.org",
                (1 + rnd.nextInt(999)) + " " + pick(rnd, STREETS),
                pick(rnd, CITIES),
                String.format("%05d", 10000 + rnd.nextInt(89999)));

        Presentation p = pick(rnd, step == Step.ON_PLAN || step == Step.DISCHARGED ? INTERVENTIONAL : PRESENTATIONS);
        List<SeedEntry> entries = new ArrayList<>();
        entries.add(entry(
                EntryKind.REFERRAL,
                created,
                new Referral(
                        pick(rnd, PCPS),
                        pick(rnd, PRACTICES),
                        p.reason(),
                        referred,
                        rnd.nextInt(6) == 0 ? Urgency.URGENT : Urgency.ROUTINE)));
        LocalDate onset = referred.minusMonths(4 + rnd.nextInt(60));
        entries.add(entry(
                EntryKind.PROBLEM, created, new Problem(p.icd10(), p.description(), onset, ClinicalStatus.ACTIVE)));
        entries.add(entry(
                EntryKind.PROBLEM, created, new Problem("G89.29", "Other chronic pain", onset, ClinicalStatus.ACTIVE)));
        String[] comorbidity = pick(rnd, COMORBIDITIES);
        boolean anticoagulated = comorbidity[0].equals("I48.91");
        if (rnd.nextInt(3) > 0 || step == Step.DEFERRED_MENTAL_HEALTH) {
            String[] c = step == Step.DEFERRED_MENTAL_HEALTH ? COMORBIDITIES.get(2) : comorbidity;
            entries.add(entry(
                    EntryKind.PROBLEM,
                    created,
                    new Problem(c[0], c[1], onset.minusYears(1 + rnd.nextInt(8)), ClinicalStatus.ACTIVE)));
        }
        entries.add(entry(
                EntryKind.IMAGING,
                created,
                new ImagingStudy(
                        Modality.valueOf(p.modality()),
                        p.region(),
                        referred.minusDays(10 + rnd.nextInt(120)),
                        p.impression())));
        if (rnd.nextBoolean()) {
            entries.add(entry(
                    EntryKind.IMAGING,
                    created,
                    new ImagingStudy(
                            Modality.XRAY,
                            p.region(),
                            onset.plusDays(rnd.nextInt(60)),
                            "Initial radiographs: " + p.impression())));
        }
        int tried = 2 + rnd.nextInt(3);
        for (int t = 0; t < tried; t++) {
            LocalDate start = onset.plusDays(14 + rnd.nextInt(90));
            TreatmentResult result = rnd.nextInt(4) == 0 ? TreatmentResult.PARTIAL : TreatmentResult.NONE;
            // tried before the referral: it ended at the latest a week before it
            LocalDate end = start.plusWeeks(4 + rnd.nextInt(10));
            end = end.isAfter(referred.minusDays(7)) ? referred.minusDays(7) : end;
            entries.add(entry(
                    EntryKind.TREATMENT,
                    created,
                    new PriorTreatment(
                            PRIOR_THERAPIES.get((index + t * 3) % PRIOR_THERAPIES.size()),
                            start,
                            end,
                            t % 2 == 0 ? "2x a week" : "daily",
                            result,
                            pick(rnd, SIDE_EFFECTS),
                            result == TreatmentResult.NONE ? "no meaningful relief" : "relief wore off")));
        }
        entries.add(medication(created, pick(rnd, ANALGESICS), referred.minusMonths(3)));
        if (rnd.nextInt(3) == 0) {
            entries.add(medication(created, pick(rnd, OPIOIDS), referred.minusMonths(6)));
            if (rnd.nextInt(3) == 0) {
                entries.add(medication(created, pick(rnd, BENZODIAZEPINES), referred.minusMonths(12)));
            }
        }
        if (anticoagulated) {
            entries.add(medication(created, BLOOD_THINNERS.get(rnd.nextInt(2)), referred.minusYears(2)));
        } else if (rnd.nextInt(8) == 0) {
            entries.add(medication(created, BLOOD_THINNERS.get(2), referred.minusYears(1)));
        }
        if (rnd.nextBoolean()) {
            entries.add(medication(created, pick(rnd, OTHER), referred.minusYears(3)));
        }
        if (rnd.nextInt(3) == 0) {
            String[] a = pick(rnd, ALLERGIES);
            entries.add(entry(
                    EntryKind.ALLERGY,
                    created,
                    new Allergy(a[0], a[1], rnd.nextBoolean() ? Severity.MILD : Severity.MODERATE)));
        }
        int visits = switch (step) {
            case REFERRED -> 0;
            case IN_EVALUATION, DEFERRED_MENTAL_HEALTH -> 1 + rnd.nextInt(2);
            case PLANNING -> 2 + rnd.nextInt(2);
            case ON_PLAN, DISCHARGED -> 3 + rnd.nextInt(5);
        };
        Staff physician = physician(index);
        for (int v = 0; v < visits; v++) {
            LocalDate date = referred.plusDays(7 + v * 14L + rnd.nextInt(5));
            if (date.isAfter(today)) {
                break;
            }
            entries.add(entry(
                    EntryKind.ENCOUNTER,
                    date.atTime(10, 0).toInstant(ZoneOffset.UTC),
                    new Encounter(
                            date,
                            v == 0 ? VISIT_TYPES.get(0) : pick(rnd, VISIT_TYPES.subList(1, 7)),
                            v == 0
                                    ? physician.displayName()
                                    : pick(rnd, STAFF.subList(0, 6)).displayName(),
                            v == 0
                                    ? "Comprehensive history and examination; imaging reviewed."
                                    : "Seen for follow-up; plan continued.")));
        }
        return new GeneratedPatient(
                new SeedChart(id, mrn, step, created, demographics, entries, "demo"),
                team(id, step, physician, created));
    }

    /**
     * The long-history patient of the benchmarks: ten years of care here with 300 encounters, 60 procedures documented
     * here (each with its follow-up), 40 imaging studies and 80 medication changes (10 medications, each changed 8
     * times). Her outside history, what the referral brought, comes before the referral: the lumbar surgery, physical
     * therapy after it, medication and two transforaminal injections elsewhere, all ended before she was referred.
     */
    GeneratedPatient longHistoryPatient(String mrn) {
        Random rnd = new Random(seed ^ 0x5EEDL);
        UUID id = uuid(rnd);
        LocalDate start = today.minusYears(10);
        Instant created = start.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Demographics d = new Demographics(
                "Tenyear",
                "Morgan",
                today.minusYears(61),
                Sex.FEMALE,
                "555-010-2020",
                "morgan.tenyear@example.org",
                "10 Harbor Way",
                "Riverton",
                "10010");
        List<SeedEntry> entries = new ArrayList<>();
        entries.add(entry(
                EntryKind.REFERRAL,
                created,
                new Referral(
                        "Dr. Helen Ward",
                        "Riverton Family Medicine",
                        "Failed back surgery with persistent leg pain.",
                        start,
                        Urgency.ROUTINE)));
        entries.add(entry(
                EntryKind.PROBLEM,
                created,
                new Problem(
                        "M96.1",
                        "Postlaminectomy syndrome, not elsewhere classified",
                        start.minusYears(1),
                        ClinicalStatus.ACTIVE)));
        entries.add(entry(
                EntryKind.PROBLEM,
                created,
                new Problem("M54.16", "Radiculopathy, lumbar region", start.minusYears(2), ClinicalStatus.ACTIVE)));
        LocalDate surgery = start.minusMonths(14);
        entries.add(entry(
                EntryKind.TREATMENT,
                created,
                new PriorTreatment(
                        "Lumbar laminectomy and fusion L4-S1",
                        surgery,
                        surgery,
                        "single operation",
                        TreatmentResult.PARTIAL,
                        "none reported",
                        "leg pain returned within months")));
        entries.add(entry(
                EntryKind.TREATMENT,
                created,
                new PriorTreatment(
                        "Physical therapy after lumbar surgery",
                        surgery.plusWeeks(6),
                        surgery.plusWeeks(18),
                        "2x a week",
                        TreatmentResult.PARTIAL,
                        "none reported",
                        "programme completed")));
        entries.add(entry(
                EntryKind.TREATMENT,
                created,
                new PriorTreatment(
                        "Gabapentin",
                        start.minusMonths(9),
                        start.minusMonths(3),
                        "300 mg three times a day",
                        TreatmentResult.NONE,
                        "dizziness",
                        "no meaningful relief")));
        entries.add(entry(
                EntryKind.TREATMENT,
                created,
                new PriorTreatment(
                        "Lumbar transforaminal epidural steroid injection (outside clinic)",
                        start.minusMonths(7),
                        start.minusMonths(7),
                        "single injection",
                        TreatmentResult.PARTIAL,
                        "none reported",
                        "relief wore off after about 3 weeks")));
        entries.add(entry(
                EntryKind.TREATMENT,
                created,
                new PriorTreatment(
                        "Lumbar transforaminal epidural steroid injection (outside clinic)",
                        start.minusMonths(4),
                        start.minusMonths(4),
                        "single injection",
                        TreatmentResult.NONE,
                        "none reported",
                        "no meaningful relief")));
        for (int i = 0; i < 300; i++) {
            LocalDate date = start.plusDays(i * 12L);
            entries.add(entry(
                    EntryKind.ENCOUNTER,
                    date.atTime(10, 0).toInstant(ZoneOffset.UTC),
                    new Encounter(
                            date,
                            VISIT_TYPES.get(1 + i % 7),
                            STAFF.get(i % 6).displayName(),
                            "Visit " + (i + 1) + " of the long-term programme.")));
        }
        // in-clinic procedures, each 60 days after the last, the first a month after the referral; each followed up.
        // The medial branch block comes before each radiofrequency ablation (the facet rules' order).
        for (int i = 0; i < 60; i++) {
            LocalDate date = start.plusDays(30 + i * 60L);
            Instant at = date.atTime(11, 0).toInstant(ZoneOffset.UTC);
            int procedureIndex = entries.size();
            entries.add(entry(ProcedureKinds.PERFORMED, at, inClinicProcedure(i % 5, date)));
            entries.add(entry(
                    ProcedureKinds.FOLLOW_UP,
                    at.plusSeconds(86_400L * 14),
                    inClinicFollowUp(i % 5, ChartBulkLoader.entryId(id, procedureIndex), date, i)));
        }
        for (int i = 0; i < 40; i++) {
            LocalDate date = start.plusDays(45 + i * 90L);
            entries.add(entry(
                    EntryKind.IMAGING,
                    date.atTime(8, 0).toInstant(ZoneOffset.UTC),
                    new ImagingStudy(
                            i % 3 == 0 ? Modality.MRI : Modality.XRAY,
                            "Lumbar spine",
                            date,
                            "Follow-up study " + (i + 1) + ": post-surgical changes L4-S1, stable.")));
        }
        List<Drug> drugs = new ArrayList<>(ANALGESICS);
        drugs.addAll(OPIOIDS.subList(0, 2));
        drugs.addAll(OTHER.subList(0, 2));
        for (int m = 0; m < 10; m++) {
            Drug drug = drugs.get(m);
            List<Medication> versions = new ArrayList<>();
            for (int v = 0; v < 8; v++) {
                versions.add(new Medication(
                        drug.name(),
                        drug.rxnorm(),
                        drug.drugClass(),
                        v % 2 == 0 ? drug.dose() : "reduced: " + drug.dose(),
                        drug.frequency(),
                        "oral",
                        start.plusMonths(m * 6L),
                        v == 7 && m % 3 == 0 ? MedicationStatus.STOPPED : MedicationStatus.ACTIVE));
            }
            entries.add(new SeedEntry(EntryKind.MEDICATION, versions, created.plusSeconds(86_400L * 30 * m)));
        }
        entries.add(entry(
                EntryKind.ALLERGY,
                created,
                new Allergy("Iodinated contrast", "Itching and flushing", Severity.MODERATE)));
        return new GeneratedPatient(
                new SeedChart(id, mrn, Step.ON_PLAN, created, d, entries, "demo"),
                team(id, Step.ON_PLAN, STAFF.get(0), created));
    }

    /**
     * The outcomes demo patients (issue 12): a small chart (referral, one problem) on dr.patel's team with the
     * physical therapist and the mental health therapist; their daily pain diary and plan are stored afterwards
     * through the real services ({@link DemoClinicalStory#tellOutcomes}). Deterministic from the seed.
     */
    GeneratedPatient outcomesPatient(OutcomesDemo which, String mrn) {
        Random rnd = new Random(seed ^ (0x0C7C0L + which.ordinal()));
        UUID id = uuid(rnd);
        LocalDate start = today.minusDays(OutcomesDemo.DAYS + 30);
        Instant created = start.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Demographics d = new Demographics(
                which.family(),
                which.given(),
                today.minusYears(48 + which.ordinal() * 7),
                which.ordinal() % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                "555-010-30" + (10 + which.ordinal()),
                which.given().toLowerCase(java.util.Locale.ROOT) + "."
                        + which.family().toLowerCase(java.util.Locale.ROOT) + "@example.org",
                (12 + which.ordinal()) + " Orchard Lane",
                "Riverton",
                "10010");
        List<SeedEntry> entries = new ArrayList<>();
        entries.add(entry(
                EntryKind.REFERRAL,
                created,
                new Referral(
                        "Dr. Helen Ward",
                        "Riverton Family Medicine",
                        "Chronic low back pain; the patient keeps a daily pain diary.",
                        start,
                        Urgency.ROUTINE)));
        entries.add(entry(
                EntryKind.PROBLEM,
                created,
                new Problem("M54.50", "Low back pain, unspecified", start.minusYears(2), ClinicalStatus.ACTIVE)));
        return new GeneratedPatient(
                new SeedChart(id, mrn, Step.ON_PLAN, created, d, entries, "demo"),
                team(id, Step.ON_PLAN, STAFF.get(0), created));
    }

    /** The outcomes demo patients, each with a recognisable name saying what was planted. */
    enum OutcomesDemo {
        SYNERGY("Sam", "Synergy", "physical therapy then CBT, staggered, with a planted PT + CBT synergy"),
        TOGETHER("Alex", "Together", "physical therapy and CBT started on the same day (not separable)"),
        NOCHANGE("Robin", "Nochange", "physical therapy then CBT, staggered, with no effect at all");

        /** Days of diary (one NRS a day), ending yesterday. */
        static final int DAYS = 365;

        private final String given;
        private final String family;
        private final String planted;

        OutcomesDemo(String given, String family, String planted) {
            this.given = given;
            this.family = family;
            this.planted = planted;
        }

        String given() {
            return given;
        }

        String family() {
            return family;
        }

        String planted() {
            return planted;
        }
    }

    /** The five procedures of the ten-year programme, in turn: what was done, where, with what. */
    private static Documentation.Performed inClinicProcedure(int kind, LocalDate on) {
        return switch (kind) {
            case 0 ->
                new Documentation.Performed(
                        null,
                        ProcedureType.ESI_TRANSFORAMINAL,
                        on,
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        1,
                        7,
                        3,
                        "Methylprednisolone acetate 40 mg, lidocaine 1%",
                        40,
                        Documentation.Guidance.FLUOROSCOPY,
                        null);
            case 1 ->
                new Documentation.Performed(
                        null,
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        on,
                        Facts.Region.LUMBAR,
                        Facts.Side.BILATERAL,
                        2,
                        6,
                        1,
                        "Bupivacaine 0.5%, 0.5 ml per level",
                        null,
                        Documentation.Guidance.FLUOROSCOPY,
                        null);
            case 2 ->
                new Documentation.Performed(
                        null,
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        on,
                        Facts.Region.LUMBAR,
                        Facts.Side.BILATERAL,
                        2,
                        6,
                        4,
                        "Lidocaine 2% before each lesion",
                        null,
                        Documentation.Guidance.FLUOROSCOPY,
                        null);
            case 3 ->
                new Documentation.Performed(
                        null,
                        ProcedureType.TRIGGER_POINT_INJECTION,
                        on,
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        1,
                        6,
                        3,
                        "Lidocaine 1%",
                        null,
                        Documentation.Guidance.NONE,
                        null);
            default ->
                new Documentation.Performed(
                        null,
                        ProcedureType.SIJ_THERAPEUTIC,
                        on,
                        Facts.Region.SACRAL,
                        Facts.Side.LEFT,
                        1,
                        6,
                        2,
                        "Methylprednisolone acetate 40 mg, bupivacaine 0.25%",
                        40,
                        Documentation.Guidance.FLUOROSCOPY,
                        null);
        };
    }

    /** Two weeks after each procedure: how much relief and how long it lasted (the block's relief for the MBB). */
    private static Documentation.FollowUp inClinicFollowUp(int kind, UUID procedureId, LocalDate on, int i) {
        int relief = switch (kind) {
            case 0 -> 50 + (i % 3) * 10;
            case 1 -> 80;
            case 2 -> 70;
            case 3 -> 40;
            default -> 60;
        };
        Integer lasted = kind == 1 ? null : 2;
        return new Documentation.FollowUp(
                procedureId,
                Documentation.Point.TWO_WEEKS,
                on.plusDays(14),
                relief,
                lasted,
                Math.max(1, 7 - relief / 15));
    }

    private static List<Membership> team(UUID patient, Step step, Staff physician, Instant at) {
        List<Membership> team = new ArrayList<>();
        team.add(new Membership(patient, physician.id(), at));
        team.add(new Membership(patient, STAFF.get(6).id(), at));
        if (step != Step.REFERRED) {
            team.add(new Membership(patient, STAFF.get(5).id(), at));
        }
        if (step == Step.PLANNING || step == Step.ON_PLAN || step == Step.DISCHARGED) {
            team.add(new Membership(patient, STAFF.get(2).id(), at));
            team.add(new Membership(patient, STAFF.get(3).id(), at));
            team.add(new Membership(patient, STAFF.get(4).id(), at));
        }
        return team;
    }

    private static SeedEntry medication(Instant at, Drug drug, LocalDate start) {
        return entry(
                EntryKind.MEDICATION,
                at,
                new Medication(
                        drug.name(),
                        drug.rxnorm(),
                        drug.drugClass(),
                        drug.dose(),
                        drug.frequency(),
                        "oral",
                        start,
                        MedicationStatus.ACTIVE));
    }

    private static SeedEntry entry(EntryKind<?> kind, Instant at, Record data) {
        return new SeedEntry(kind, List.of(data), at);
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static UUID uuid(Random rnd) {
        // a version-4-shaped UUID drawn from the seeded generator
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private static Staff staff(String username, String name, Role role) {
        return new Staff(
                UUID.nameUUIDFromBytes(("relief-demo-staff:" + username).getBytes(StandardCharsets.UTF_8)),
                username,
                name,
                role,
                true);
    }
}
