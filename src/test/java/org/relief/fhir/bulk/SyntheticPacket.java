package org.relief.fhir.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a synthetic FHIR Bulk Data packet (one ndjson file per resource type, the shape of Synthea's exports in
 * shared/fhir-samples): made-up people, no real data. Each patient has encounters (one practitioner, one
 * organization, by conditional reference), conditions (chronic low back pain, SNOMED CT), procedures, NSAID
 * prescriptions (RxNorm), a clinical note (DocumentReference, base64 text) and observations (which Relief skips), about
 * 1.3 KB a resource like Synthea's. Deterministic for a seed. Plain JDK, so the benchmark runs it as a source file:
 *
 * <pre>java src/test/java/org/relief/fhir/bulk/SyntheticPacket.java TARGET_DIR RESOURCES [SEED]</pre>
 */
public final class SyntheticPacket {

    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final String ORG = "urn:relief:synthetic-org";
    private static final String[] FAMILY = {
        "Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Juniper", "Larch", "Maple", "Oak",
        "Pine", "Rowan", "Spruce", "Willow"
    };
    private static final String[] GIVEN = {
        "Ada", "Ben", "Cleo", "Dev", "Esme", "Finn", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lena", "Milo", "Nia", "Otto",
        "Pia"
    };
    /** Resources per patient: Patient, 6 encounters, 2 conditions, 4 procedures, 4 prescriptions, 1 note, 6 obs. */
    static final int PER_PATIENT = 24;

    private SyntheticPacket() {}

    public static void main(String[] args) throws IOException {
        long n = write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1);
        System.out.println(n + " resources in " + args[0]);
    }

    /** Writes at least {@code resources} resources into {@code dir}; returns how many it wrote. */
    public static long write(Path dir, int resources, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Map<String, BufferedWriter> out = new LinkedHashMap<>();
        for (String type : new String[] {
            "Patient",
            "Encounter",
            "Condition",
            "Procedure",
            "MedicationRequest",
            "DocumentReference",
            "Observation",
            "Practitioner",
            "Organization"
        }) {
            out.put(type, Files.newBufferedWriter(dir.resolve(type + ".000.ndjson"), StandardCharsets.UTF_8));
        }
        long written = 0;
        try {
            int practitioners = 20;
            for (int i = 0; i < practitioners; i++) {
                line(
                        out,
                        "Practitioner",
                        "{\"resourceType\":\"Practitioner\",\"id\":\"" + uuid(seed, "pr" + i)
                                + "\",\"identifier\":[{\"system\":\"" + NPI + "\",\"value\":\"99990" + (10000 + i)
                                + "\"}],"
                                + "\"active\":true,\"name\":[{\"family\":\"" + FAMILY[i % FAMILY.length]
                                + "\",\"given\":[\""
                                + GIVEN[i % GIVEN.length] + "\"],\"prefix\":[\"Dr.\"]}],\"gender\":\"female\"}");
                line(
                        out,
                        "Organization",
                        "{\"resourceType\":\"Organization\",\"id\":\"" + uuid(seed, "org" + i)
                                + "\",\"identifier\":[{\"system\":\"" + ORG + "\",\"value\":\"org-" + i + "\"}],"
                                + "\"active\":true,\"name\":\"" + FAMILY[i % FAMILY.length].toUpperCase()
                                + " FAMILY PRACTICE\"}");
                written += 2;
            }
            for (int p = 0; written < resources; p++) {
                written += patient(out, seed, random, p, practitioners);
            }
        } finally {
            for (BufferedWriter w : out.values()) {
                w.close();
            }
        }
        return written;
    }

    private static int patient(Map<String, BufferedWriter> out, long seed, Random random, int p, int practitioners)
            throws IOException {
        String pid = uuid(seed, "patient" + p);
        String subject = "\"subject\":{\"reference\":\"Patient/" + pid + "\"}";
        int doc = random.nextInt(practitioners);
        String practitioner = "Practitioner?identifier=" + NPI + "|99990" + (10000 + doc);
        String organization = "Organization?identifier=" + ORG + "|org-" + doc;
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365));
        line(
                out,
                "Patient",
                "{\"resourceType\":\"Patient\",\"id\":\"" + pid + "\",\"identifier\":[{\"system\":"
                        + "\"urn:relief:synthetic-mrn\",\"value\":\"S" + p + "\"}],\"name\":[{\"use\":\"official\","
                        + "\"family\":\"" + FAMILY[random.nextInt(FAMILY.length)] + "\",\"given\":[\""
                        + GIVEN[random.nextInt(GIVEN.length)] + "\"]}],\"gender\":\"" + (p % 2 == 0 ? "female" : "male")
                        + "\",\"birthDate\":\"" + born + "\",\"address\":[{\"line\":[\"" + (1 + random.nextInt(999))
                        + " Synthetic Street\"],\"city\":\"Testville\",\"country\":\"US\"}],\"generalPractitioner\":[{"
                        + "\"reference\":\"" + practitioner + "\"}],\"managingOrganization\":{\"reference\":\""
                        + organization + "\"}}");
        int n = 1;
        String[] encounters = new String[6];
        for (int e = 0; e < encounters.length; e++) {
            encounters[e] = uuid(seed, "enc" + p + "/" + e);
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(5 * 365));
            line(
                    out,
                    "Encounter",
                    "{\"resourceType\":\"Encounter\",\"id\":\"" + encounters[e] + "\",\"status\":"
                            + "\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
                            + "\"code\":\"AMB\"},\"type\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":"
                            + "\"185349003\",\"display\":\"Encounter for check up (procedure)\"}],\"text\":\"Encounter for "
                            + "check up (procedure)\"}]," + subject
                            + ",\"participant\":[{\"individual\":{\"reference\":\""
                            + practitioner + "\"}}],\"period\":{\"start\":\"" + day + "T09:00:00Z\",\"end\":\"" + day
                            + "T09:30:00Z\"},\"serviceProvider\":{\"reference\":\"" + organization + "\"}}");
            n++;
        }
        String[] conditions = {uuid(seed, "cond" + p + "/0"), uuid(seed, "cond" + p + "/1")};
        String[][] problems = {
            {"278860009", "Chronic low back pain (finding)"}, {"279039007", "Low back pain (finding)"}
        };
        for (int c = 0; c < conditions.length; c++) {
            line(
                    out,
                    "Condition",
                    "{\"resourceType\":\"Condition\",\"id\":\"" + conditions[c] + "\",\"clinicalStatus\":"
                            + "{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":"
                            + "\"active\"}]},\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/"
                            + "CodeSystem/condition-ver-status\",\"code\":\"confirmed\"}]},\"code\":{\"coding\":[{\"system\":"
                            + "\"http://snomed.info/sct\",\"code\":\"" + problems[c][0] + "\",\"display\":\""
                            + problems[c][1]
                            + "\"}],\"text\":\"" + problems[c][1] + "\"}," + subject + ",\"encounter\":{\"reference\":"
                            + "\"Encounter/" + encounters[c] + "\"},\"onsetDateTime\":\"2019-0" + (1 + c) + "-15\","
                            + "\"recordedDate\":\"2020-02-01\"}");
            n++;
        }
        for (int i = 0; i < 4; i++) {
            line(
                    out,
                    "Procedure",
                    "{\"resourceType\":\"Procedure\",\"id\":\"" + uuid(seed, "proc" + p + "/" + i)
                            + "\",\"status\":\"completed\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                            + "\"code\":\"91251008\",\"display\":\"Physical therapy procedure (regime/therapy)\"}],\"text\":"
                            + "\"Physical therapy procedure (regime/therapy)\"}," + subject
                            + ",\"encounter\":{\"reference\":"
                            + "\"Encounter/" + encounters[2 + i] + "\"},\"performedPeriod\":{\"start\":\"2021-0"
                            + (1 + i)
                            + "-10T10:00:00Z\",\"end\":\"2021-0" + (1 + i) + "-10T11:00:00Z\"}}");
            line(
                    out,
                    "MedicationRequest",
                    "{\"resourceType\":\"MedicationRequest\",\"id\":\""
                            + uuid(seed, "med" + p + "/" + i) + "\",\"status\":\"" + (i == 0 ? "active" : "stopped")
                            + "\",\"intent\":\"order\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                            + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"198405\",\"display\":\"Ibuprofen "
                            + "400 MG Oral Tablet\"}],\"text\":\"Ibuprofen 400 MG Oral Tablet\"}," + subject
                            + ",\"encounter\":{\"reference\":\"Encounter/" + encounters[i]
                            + "\"},\"authoredOn\":\"2021-0"
                            + (1 + i) + "-10\",\"requester\":{\"reference\":\"" + practitioner
                            + "\"},\"reasonReference\":[{"
                            + "\"reference\":\"Condition/" + conditions[0] + "\"}]}");
            n += 2;
        }
        String note = "Synthetic clinical note " + p + ".\n\n# Chief complaint\n- Low back pain for more than three "
                + "months.\n\n# Plan\n- Continue physical therapy; ibuprofen as needed.\n"
                + "Padding so the note is about the size of a real one. ".repeat(8);
        line(
                out,
                "DocumentReference",
                "{\"resourceType\":\"DocumentReference\",\"id\":\"" + uuid(seed, "doc" + p)
                        + "\",\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":"
                        + "\"34117-2\",\"display\":\"History and physical note\"}]}," + subject + ",\"date\":"
                        + "\"2021-05-01T10:00:00Z\",\"author\":[{\"reference\":\"" + practitioner
                        + "\"}],\"content\":[{"
                        + "\"attachment\":{\"contentType\":\"text/plain; charset=utf-8\",\"data\":\""
                        + Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8))
                        + "\"}}],\"context\":{"
                        + "\"encounter\":[{\"reference\":\"Encounter/" + encounters[5] + "\"}]}}");
        n++;
        for (int i = 0; i < 6; i++) {
            line(
                    out,
                    "Observation",
                    "{\"resourceType\":\"Observation\",\"id\":\"" + uuid(seed, "obs" + p + "/" + i)
                            + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":"
                            + "\"72514-3\",\"display\":\"Pain severity - 0-10 verbal numeric rating [Score] - Reported\"}],"
                            + "\"text\":\"Pain severity - 0-10 verbal numeric rating [Score] - Reported\"}," + subject
                            + ",\"encounter\":{\"reference\":\"Encounter/" + encounters[i]
                            + "\"},\"effectiveDateTime\":"
                            + "\"2021-06-0" + (1 + i) + "T10:00:00Z\",\"valueQuantity\":{\"value\":"
                            + random.nextInt(11)
                            + ",\"unit\":\"{score}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}}");
            n++;
        }
        return n;
    }

    private static void line(Map<String, BufferedWriter> out, String type, String json) throws IOException {
        BufferedWriter w = out.get(type);
        w.write(json);
        w.write('\n');
    }

    private static String uuid(long seed, String name) {
        return UUID.nameUUIDFromBytes((seed + "/" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
