package org.relief.fhir.bulk;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * A transaction Bundle for warming the JSON parser and encoder up, made in code: resources of the kinds a referral
 * packet brings, each with the data types such packets carry (codings, references, periods, identifiers, names,
 * extensions, narrative, base64 attachments), so that parsing and encoding it runs the parser's general paths.
 * Nothing in it is clinical: codes and texts are placeholders, and it is never stored.
 */
final class WarmUpBundle {

    private WarmUpBundle() {}

    /** How many times {@link #warmUp} takes its placeholder packet (of 360 resources) apart. */
    private static final int WARM_ROUNDS = 10;

    /** The resource types a referral packet (a Synthea patient's, say) brings, whose HAPI model a warm-up scans. */
    private static final List<String> WARM_TYPES = List.of(
            "Patient",
            "Condition",
            "MedicationRequest",
            "MedicationStatement",
            "Medication",
            "MedicationAdministration",
            "Procedure",
            "AllergyIntolerance",
            "Encounter",
            "ImagingStudy",
            "DiagnosticReport",
            "DocumentReference",
            "Observation",
            "Immunization",
            "CarePlan",
            "CareTeam",
            "Claim",
            "ExplanationOfBenefit",
            "Device",
            "SupplyDelivery",
            "Provenance",
            "Organization",
            "Practitioner",
            "PractitionerRole",
            "Location");

    /**
     * Scans HAPI's model of each of {@code WARM_TYPES} (a Bundle with one empty resource of each, encoded, parsed
     * strictly, its references walked), then takes {@link #make a placeholder packet} apart as a transaction is,
     * {@code WARM_ROUNDS} times, unless {@code stop} says real work has come (then no further round is begun). See
     * {@code TransactionImport.warmUp}, which runs it once the server is ready. Returns the rounds taken.
     */
    static int warmUp(ca.uhn.fhir.context.FhirContext fhir, java.util.function.BooleanSupplier stop) {
        long started = System.nanoTime();
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (String type : WARM_TYPES) {
            Resource r = (Resource) fhir.getResourceDefinition(type).newInstance();
            r.setId(type + "/warm-up");
            b.addEntry()
                    .setFullUrl("urn:uuid:00000000-0000-0000-0000-000000000000")
                    .setResource(r)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl(type + "/warm-up");
        }
        for (var e :
                strict(fhir, fhir.newJsonParser().encodeResourceToString(b)).getEntry()) {
            fhir.newTerser().getAllPopulatedChildElementsOfType(e.getResource(), Reference.class);
        }
        String packet = fhir.newJsonParser().encodeResourceToString(make(10));
        int rounds = 0;
        while (rounds < WARM_ROUNDS && !stop.getAsBoolean()) {
            NdjsonPacket.fromBundle(fhir, strict(fhir, packet));
            rounds++;
        }
        org.slf4j.LoggerFactory.getLogger(WarmUpBundle.class)
                .debug(
                        "FHIR parser warmed up in {} ms ({} of {} rounds)",
                        (System.nanoTime() - started) / 1_000_000,
                        rounds,
                        WARM_ROUNDS);
        return rounds;
    }

    private static Bundle strict(ca.uhn.fhir.context.FhirContext fhir, String json) {
        return fhir.newJsonParser()
                .setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
                .parseResource(Bundle.class, json);
    }

    /** A Bundle of {@code patients} placeholder patients, each with a handful of resources of every kind. */
    static Bundle make(int patients) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Date when = new Date(0);
        for (int p = 0; p < patients; p++) {
            String patientUrl = "urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", p);
            Patient patient = new Patient();
            Narrative text = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
            text.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">warm-up</div>");
            patient.setText(text);
            patient.addExtension(new Extension("urn:relief:warm-up", new StringType("warm-up")));
            patient.addIdentifier(
                    new Identifier().setSystem("urn:relief:warm-up").setValue("p" + p));
            patient.addName().setFamily("Warm-up").addGiven("Placeholder");
            patient.addAddress().setCity("Nowhere").addLine("1 Placeholder Road");
            patient.addTelecom().setValue("000").setUse(org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.HOME);
            patient.setGender(Enumerations.AdministrativeGender.UNKNOWN).setBirthDate(when);
            add(b, patientUrl, patient);
            Reference subject = new Reference(patientUrl);
            for (int i = 0; i < 5; i++) {
                String encounterUrl = "urn:uuid:00000000-0000-0000-" + String.format("%04d-%012d", i + 1, p);
                Encounter e = new Encounter();
                e.setStatus(Encounter.EncounterStatus.FINISHED)
                        .setClass_(new Coding("urn:relief:warm-up", "x", "placeholder"))
                        .addType(code(i))
                        .setSubject(subject)
                        .setPeriod(new Period().setStart(when).setEnd(when));
                add(b, encounterUrl, e);
                Reference encounter = new Reference(encounterUrl);
                Condition c =
                        new Condition().setCode(code(i)).setSubject(subject).setEncounter(encounter);
                c.setOnset(new DateTimeType(when)).setRecordedDate(when);
                c.setClinicalStatus(code(i));
                add(b, null, c);
                Procedure pr = new Procedure()
                        .setStatus(Procedure.ProcedureStatus.COMPLETED)
                        .setCode(code(i))
                        .setSubject(subject)
                        .setEncounter(encounter);
                pr.setPerformed(new Period().setStart(when).setEnd(when));
                add(b, null, pr);
                MedicationRequest m = new MedicationRequest()
                        .setStatus(MedicationRequest.MedicationRequestStatus.STOPPED)
                        .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                        .setMedication(code(i))
                        .setSubject(subject)
                        .setEncounter(encounter)
                        .setAuthoredOn(when);
                m.addDosageInstruction().setText("placeholder").setSequence(1);
                add(b, null, m);
                DocumentReference d = new DocumentReference()
                        .setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                        .setType(code(i))
                        .setSubject(subject)
                        .setDate(when);
                d.addContent()
                        .setAttachment(new Attachment()
                                .setContentType("text/plain")
                                .setData(("warm-up placeholder " + i).getBytes(StandardCharsets.UTF_8)));
                add(b, null, d);
                Immunization im = new Immunization()
                        .setStatus(Immunization.ImmunizationStatus.COMPLETED)
                        .setVaccineCode(code(i))
                        .setPatient(subject)
                        .setEncounter(encounter)
                        .setOccurrence(new DateTimeType(when));
                add(b, null, im);
                Observation o = new Observation()
                        .setStatus(Observation.ObservationStatus.FINAL)
                        .setCode(code(i))
                        .setSubject(subject)
                        .setEncounter(encounter)
                        .setEffective(new DateTimeType(when))
                        .setValue(new Quantity().setValue(i).setUnit("1").setSystem("http://unitsofmeasure.org"));
                add(b, null, o);
            }
        }
        return b;
    }

    private static CodeableConcept code(int i) {
        return new CodeableConcept(new Coding("urn:relief:warm-up", "code-" + i, "placeholder " + i))
                .setText("placeholder " + i);
    }

    private static void add(Bundle b, String fullUrl, Resource r) {
        var entry = b.addEntry().setResource(r);
        if (fullUrl != null) {
            entry.setFullUrl(fullUrl);
        }
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }
}
