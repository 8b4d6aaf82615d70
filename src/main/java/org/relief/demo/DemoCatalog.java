package org.relief.demo;

import java.util.List;
import org.relief.patient.Codes.DrugClass;

/**
 * The synthetic material demo patients are drawn from. ICD-10-CM codes are from the FY2025 code set; RxNorm codes
 * are given only where they were checked against the synthetic FHIR samples shipped with the project, otherwise
 * left blank rather than guessed.
 */
final class DemoCatalog {

    private DemoCatalog() {}

    static final List<String> FAMILY = List.of(
            "Alvarez",
            "Bennett",
            "Castillo",
            "Dubois",
            "Eriksen",
            "Fitzgerald",
            "Gallagher",
            "Hoffman",
            "Ibrahim",
            "Jansen",
            "Kowalski",
            "Lindqvist",
            "Moreau",
            "Nakamura",
            "O'Connell",
            "Petrov",
            "Quinn",
            "Rossi",
            "Santos",
            "Thorne",
            "Ulrich",
            "Valdez",
            "Whitaker",
            "Xu",
            "Yamamoto",
            "Zimmerman",
            "Abara",
            "Brennan",
            "Caldwell",
            "Delgado",
            "Everett",
            "Farouk",
            "Grant",
            "Haddad",
            "Ivers",
            "Jovanovic",
            "Keane",
            "Larsen",
            "Mbeki",
            "Novak");
    static final List<String> GIVEN_F = List.of(
            "Amara", "Beatriz", "Claire", "Dana", "Elena", "Fiona", "Grace", "Hana", "Ines", "Joanna", "Kira", "Leah",
            "Maya", "Nora", "Olivia", "Priya", "Rosa", "Sofia", "Tessa", "Vera");
    static final List<String> GIVEN_M = List.of(
            "Aaron", "Bruno", "Caleb", "Dmitri", "Elias", "Felix", "Gabriel", "Hugo", "Isaac", "Jonah", "Kofi", "Liam",
            "Mateo", "Nikolai", "Omar", "Pavel", "Rafael", "Samir", "Tobias", "Victor");
    static final List<String> CITIES =
            List.of("Riverton", "Maple Grove", "Lakeside", "Cedar Falls", "Brookfield", "Fairview", "Oakridge");
    static final List<String> STREETS =
            List.of("Elm St", "Oak Ave", "Birch Rd", "Willow Ln", "Harbor Way", "Summit Dr", "Mill Rd");
    static final List<String> PCPS = List.of(
            "Dr. Helen Ward",
            "Dr. Marcus Bell",
            "Dr. Ana Ruiz",
            "Dr. Tom Lindgren",
            "Dr. Grace Osei",
            "Dr. Paul Nguyen");
    static final List<String> PRACTICES = List.of(
            "Riverton Family Medicine",
            "Lakeside Primary Care",
            "Cedar Falls Community Health",
            "Brookfield Internal Medicine",
            "Oakridge Family Practice");

    /** A pain presentation: its coded problem, the imaging that usually comes with it, and a referral reason. */
    record Presentation(
            String icd10, String description, String region, String modality, String impression, String reason) {}

    static final List<Presentation> PRESENTATIONS = List.of(
            new Presentation(
                    "M54.16",
                    "Radiculopathy, lumbar region",
                    "Lumbar spine",
                    "MRI",
                    "L4-L5 disc protrusion contacting the traversing L5 nerve root; mild foraminal narrowing.",
                    "Low back pain radiating to the left leg for 6 months despite PT and NSAIDs."),
            new Presentation(
                    "M47.816",
                    "Spondylosis without myelopathy or radiculopathy, lumbar region",
                    "Lumbar spine",
                    "XRAY",
                    "Multilevel facet arthropathy L3-S1, most marked at L4-L5; no instability.",
                    "Axial low back pain, worse on extension, for over a year."),
            new Presentation(
                    "M48.061",
                    "Spinal stenosis, lumbar region without neurogenic claudication",
                    "Lumbar spine",
                    "MRI",
                    "Moderate central canal stenosis at L4-L5 from ligamentum flavum hypertrophy.",
                    "Back and buttock pain on standing and walking; medication not enough."),
            new Presentation(
                    "M54.2",
                    "Cervicalgia",
                    "Cervical spine",
                    "XRAY",
                    "Loss of cervical lordosis; mild degenerative change C5-C6.",
                    "Chronic neck pain with headaches after a motor vehicle collision."),
            new Presentation(
                    "M54.12",
                    "Radiculopathy, cervical region",
                    "Cervical spine",
                    "MRI",
                    "C6-C7 foraminal stenosis on the right with disc-osteophyte complex.",
                    "Neck pain radiating to the right arm with numbness in the fingers."),
            new Presentation(
                    "M46.1",
                    "Sacroiliitis, not elsewhere classified",
                    "Pelvis",
                    "XRAY",
                    "Subchondral sclerosis at the right sacroiliac joint.",
                    "Buttock pain below the belt line, worse on sitting and climbing stairs."),
            new Presentation(
                    "M96.1",
                    "Postlaminectomy syndrome, not elsewhere classified",
                    "Lumbar spine",
                    "MRI",
                    "Post-surgical changes L5-S1 with epidural fibrosis around the S1 nerve root.",
                    "Persistent back and leg pain two years after lumbar surgery; cause of ongoing pain unclear."),
            new Presentation(
                    "M79.7",
                    "Fibromyalgia",
                    "Whole body",
                    "XRAY",
                    "No structural abnormality.",
                    "Widespread pain, poor sleep and fatigue; several medications tried without enough relief."),
            new Presentation(
                    "M80.08XA",
                    "Age-related osteoporosis with current pathological fracture, vertebra(e), initial encounter",
                    "Thoracic spine",
                    "MRI",
                    "Acute T12 compression fracture with about 30% height loss; marrow edema.",
                    "Sudden severe mid-back pain after lifting; osteoporosis known."),
            new Presentation(
                    "M17.11",
                    "Unilateral primary osteoarthritis, right knee",
                    "Right knee",
                    "XRAY",
                    "Medial joint space narrowing and osteophytes, right knee.",
                    "Right knee pain limiting walking; injections elsewhere helped only briefly."),
            new Presentation(
                    "G89.4",
                    "Chronic pain syndrome",
                    "Lumbar spine",
                    "MRI",
                    "Mild degenerative disc disease L3-S1 without nerve compression.",
                    "Long-standing pain of uncertain cause; earlier physicians found no explanation."));

    /**
     * The presentations whose plan holds a procedure the demo can document (DemoClinicalStory.procedureFor): the
     * patients on a plan come from these, so the demo's plans show ordered, documented and followed-up procedures.
     */
    static final List<Presentation> INTERVENTIONAL =
            List.of(PRESENTATIONS.get(0), PRESENTATIONS.get(1), PRESENTATIONS.get(2), PRESENTATIONS.get(6));

    static final List<String[]> COMORBIDITIES = List.of(
            new String[] {"I10", "Essential (primary) hypertension"},
            new String[] {"E11.9", "Type 2 diabetes mellitus without complications"},
            new String[] {"F32.1", "Major depressive disorder, single episode, moderate"},
            new String[] {"F41.1", "Generalized anxiety disorder"},
            new String[] {"G47.33", "Obstructive sleep apnea (adult) (pediatric)"},
            new String[] {"I48.91", "Unspecified atrial fibrillation"});

    /** A medication as the demo prescribes it. */
    record Drug(String name, String rxnorm, DrugClass drugClass, String dose, String frequency) {}

    static final List<Drug> ANALGESICS = List.of(
            new Drug("Ibuprofen 100 MG Oral Tablet", "198405", DrugClass.NSAID, "400 mg", "three times daily"),
            new Drug("Naproxen sodium 220 MG Oral Tablet", "849574", DrugClass.NSAID, "440 mg", "twice daily"),
            new Drug(
                    "Acetaminophen 325 MG Oral Tablet",
                    "313782",
                    DrugClass.ANALGESIC_OTHER,
                    "650 mg",
                    "every 6 hours as needed"),
            new Drug("Gabapentin 300 MG Oral Capsule", null, DrugClass.GABAPENTINOID, "300 mg", "three times daily"),
            new Drug(
                    "Duloxetine 60 MG Delayed Release Oral Capsule",
                    null,
                    DrugClass.ANTIDEPRESSANT,
                    "60 mg",
                    "once daily"),
            new Drug("Cyclobenzaprine 10 MG Oral Tablet", null, DrugClass.MUSCLE_RELAXANT, "10 mg", "at night"));
    static final List<Drug> OPIOIDS = List.of(
            new Drug("Oxycodone hydrochloride 5 MG Oral Tablet", null, DrugClass.OPIOID, "5 mg", "every 6 hours"),
            new Drug(
                    "Hydrocodone bitartrate 5 MG / Acetaminophen 325 MG Oral Tablet",
                    null,
                    DrugClass.OPIOID,
                    "1 tablet",
                    "every 6 hours as needed"),
            new Drug("Tramadol hydrochloride 50 MG Oral Tablet", null, DrugClass.OPIOID, "50 mg", "twice daily"));
    static final List<Drug> BENZODIAZEPINES = List.of(
            new Drug("Alprazolam 0.5 MG Oral Tablet", null, DrugClass.BENZODIAZEPINE, "0.5 mg", "at night"),
            new Drug("Lorazepam 1 MG Oral Tablet", null, DrugClass.BENZODIAZEPINE, "1 mg", "as needed"));
    static final List<Drug> BLOOD_THINNERS = List.of(
            new Drug("Apixaban 5 MG Oral Tablet", null, DrugClass.ANTICOAGULANT, "5 mg", "twice daily"),
            new Drug("Warfarin sodium 5 MG Oral Tablet", null, DrugClass.ANTICOAGULANT, "5 mg", "once daily"),
            new Drug("Clopidogrel 75 MG Oral Tablet", null, DrugClass.ANTIPLATELET, "75 mg", "once daily"));
    static final List<Drug> OTHER = List.of(
            new Drug("lisinopril 10 MG Oral Tablet", "314076", DrugClass.OTHER, "10 mg", "once daily"),
            new Drug("Hydrochlorothiazide 25 MG Oral Tablet", "310798", DrugClass.OTHER, "25 mg", "once daily"),
            new Drug("Simvastatin 10 MG Oral Tablet", "314231", DrugClass.OTHER, "10 mg", "at night"));

    static final List<String> PRIOR_THERAPIES = List.of(
            "Physical therapy",
            "Chiropractic care",
            "NSAIDs",
            "Home exercise programme",
            "Acupuncture",
            "Gabapentin",
            "Massage therapy",
            "TENS unit",
            "Epidural steroid injection (outside clinic)",
            "Cognitive behavioural therapy");
    static final List<String> SIDE_EFFECTS = List.of("stomach upset", "drowsiness", "dizziness", "none reported");
    static final List<String[]> ALLERGIES = List.of(
            new String[] {"Penicillin", "Hives"},
            new String[] {"Sulfonamides", "Rash"},
            new String[] {"Iodinated contrast", "Itching and flushing"},
            new String[] {"Codeine", "Nausea and vomiting"},
            new String[] {"Latex", "Contact dermatitis"});
    static final List<String> VISIT_TYPES = List.of(
            "New patient consultation",
            "Follow-up visit",
            "Physical therapy session",
            "Chiropractic session",
            "Acupuncture session",
            "Psychology session",
            "Procedure visit",
            "Telephone follow-up");
}
