package org.relief.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Relief driven by the HAPI FHIR generic client, the reference Java client, as an integrator would use it: a
 * sender's directory first, then a referral that references it, then read, search (identifier without a system
 * too), {@code $everything} (POST, as the client invokes operations, and GET), all with an API token.
 */
@IntegrationTest
class HapiClientIT {

    /** One client context for the class: building a FhirContext takes a while. */
    private static final FhirContext CLIENT_CONTEXT = FhirContext.forR4();

    private static final String HOSPITAL_MRN = "http://hospital.example.org/fhir/sid/mrn";
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    @LocalServerPort
    int port;

    IGenericClient client;

    @BeforeEach
    void client() {
        // the base as integrators often copy it, with a trailing slash: the client then posts transactions to it
        client = CLIENT_CONTEXT.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir/");
        client.registerInterceptor(new BearerTokenAuthInterceptor(FhirExportIT.TOKEN));
        requests.clear();
        client.registerInterceptor(new ca.uhn.fhir.rest.client.api.IClientInterceptor() {
            @Override
            public void interceptRequest(ca.uhn.fhir.rest.client.api.IHttpRequest request) {
                requests.add(request.getHttpVerbName() + " " + request.getUri());
            }

            @Override
            public void interceptResponse(ca.uhn.fhir.rest.client.api.IHttpResponse response) {}
        });
    }

    /** What the client sent, method and URL. */
    final List<String> requests = new java.util.ArrayList<>();

    @Test
    void aSendersDirectoryIsKeptAndItsPractitionersResolveInALaterReferral() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String practitionerId = "prac-" + tag;
        String npi = "99" + Math.abs(tag.hashCode());
        Bundle directory = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Practitioner gp = new Practitioner();
        gp.setId(practitionerId);
        gp.addIdentifier().setSystem(NPI).setValue(npi);
        gp.addName().setFamily("Okafor-" + tag).addGiven("Ngozi").addPrefix("Dr.");
        put(directory, gp);
        Organization practice = new Organization().setName("Lakeside Family Practice " + tag);
        practice.setId("org-" + tag);
        practice.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.4.4").setValue("org-" + tag);
        put(directory, practice);
        Location site = new Location().setName("Lakeside main site");
        site.setId("loc-" + tag);
        put(directory, site);

        Bundle kept = client.transaction().withBundle(directory).execute();
        assertThat(requests).contains("POST http://127.0.0.1:" + port + "/fhir/");
        assertThat(kept.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(kept.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("201 Created");
        assertThat(kept.getEntry())
                .extracting(e -> e.getResponse().getLocation())
                .containsExactly("Practitioner/" + practitionerId, "Organization/org-" + tag, "Location/loc-" + tag);
        // sent again: nothing changes
        assertThat(client.transaction().withBundle(directory).execute().getEntry())
                .extracting(e -> e.getResponse().getStatus())
                .containsOnly("200 OK");
        Practitioner read = client.read()
                .resource(Practitioner.class)
                .withId(practitionerId)
                .execute();
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Okafor-" + tag);

        // the referral references the directory: by id (the GP) and by identifier (the practice), neither sent again
        String mrn = "H-" + tag;
        Bundle referral = referral(
                mrn,
                new Reference("Practitioner/" + practitionerId),
                new Reference("Organization?identifier=urn:oid:2.16.840.1.113883.4.4|org-" + tag));
        Bundle response = client.transaction().withBundle(referral).execute();
        String patientId = new IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");

        List<Resource> everything = everything(patientId, false);
        ServiceRequest referralRequest = everything.stream()
                .filter(ServiceRequest.class::isInstance)
                .map(ServiceRequest.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(referralRequest.getRequester().getDisplay())
                .contains("Okafor-" + tag)
                .contains("Lakeside Family Practice " + tag);
    }

    @Test
    void aPatientIsFoundByTheSendersIdentifierWithOrWithoutItsSystem() {
        String mrn = "H-" + UUID.randomUUID();
        Bundle response =
                client.transaction().withBundle(referral(mrn, null, null)).execute();
        String patientId = new IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();

        Patient patient =
                client.read().resource(Patient.class).withId(patientId).execute();
        assertThat(patient.getIdentifier()).anySatisfy(i -> {
            assertThat(i.getSystem()).isEqualTo(HOSPITAL_MRN);
            assertThat(i.getValue()).isEqualTo(mrn);
        });
        String reliefMrn = patient.getIdentifier().stream()
                .filter(i -> "urn:relief:mrn".equals(i.getSystem()))
                .findFirst()
                .orElseThrow()
                .getValue();

        assertThat(ids(client.search()
                        .forResource(Patient.class)
                        .where(Patient.IDENTIFIER.exactly().code(mrn))
                        .returnBundle(Bundle.class)
                        .execute()))
                .containsExactly(patientId);
        assertThat(ids(client.search()
                        .forResource(Patient.class)
                        .where(Patient.IDENTIFIER.exactly().systemAndCode(HOSPITAL_MRN, mrn))
                        .returnBundle(Bundle.class)
                        .execute()))
                .containsExactly(patientId);
        assertThat(ids(client.search()
                        .forResource(Patient.class)
                        .where(Patient.IDENTIFIER.exactly().systemAndCode("http://elsewhere.example.org/mrn", mrn))
                        .returnBundle(Bundle.class)
                        .execute()))
                .isEmpty();
        // Relief's own record number, with and without its system
        assertThat(ids(client.search()
                        .forResource(Patient.class)
                        .where(Patient.IDENTIFIER.exactly().code(reliefMrn))
                        .returnBundle(Bundle.class)
                        .execute()))
                .containsExactly(patientId);
        assertThat(ids(client.search()
                        .forResource(Patient.class)
                        .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:relief:mrn", reliefMrn))
                        .returnBundle(Bundle.class)
                        .execute()))
                .containsExactly(patientId);

        // the chart's resources: $everything by POST and by GET, and a search by patient
        List<Resource> posted = everything(patientId, false);
        assertThat(posted).extracting(Resource::fhirType).contains("Patient", "Condition", "CareTeam");
        assertThat(everything(patientId, true)).hasSameSizeAs(posted);
        Bundle conditions = client.search()
                .forResource(Condition.class)
                .where(Condition.PATIENT.hasId("Patient/" + patientId))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(conditions.getEntry())
                .extracting(e -> ((Condition) e.getResource()).getCode().getText())
                .contains("Chronic low back pain");
    }

    private List<Resource> everything(String patientId, boolean get) {
        var op = client.operation()
                .onInstance(new IdType("Patient", patientId))
                .named("$everything")
                .withNoParameters(Parameters.class)
                .returnResourceType(Bundle.class);
        Bundle b = get ? op.useHttpGet().execute() : op.execute();
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .toList();
    }

    private static List<String> ids(Bundle searchset) {
        return searchset.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static void put(Bundle b, Resource r) {
        b.addEntry()
                .setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart())
                .setResource(r)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl(r.fhirType() + "/" + r.getIdElement().getIdPart());
    }

    /** A referral packet as a hospital's system writes it: the Patient (POST, urn:uuid) and one Condition. */
    private static Bundle referral(String hospitalMrn, Reference gp, Reference practice) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient p = new Patient();
        p.addIdentifier()
                .setSystem(HOSPITAL_MRN)
                .setValue(hospitalMrn)
                .setType(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")));
        p.addName().setFamily("Interop").addGiven("Ines");
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1968-03-14"));
        if (gp != null) {
            p.addGeneralPractitioner(gp);
        }
        if (practice != null) {
            p.setManagingOrganization(practice);
        }
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        b.addEntry()
                .setFullUrl(patientUrl)
                .setResource(p)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        Condition c = new Condition();
        c.setSubject(new Reference(patientUrl));
        c.getCode()
                .setText("Chronic low back pain")
                .addCoding()
                .setSystem("http://snomed.info/sct")
                .setCode("278860009")
                .setDisplay("Chronic low back pain");
        c.getClinicalStatus()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        c.setOnset(new org.hl7.fhir.r4.model.DateTimeType("2025-06-01"));
        b.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(c)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Condition");
        return b;
    }
}
