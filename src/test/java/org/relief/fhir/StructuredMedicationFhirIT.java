package org.relief.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.medication.DoseForm;
import org.relief.medication.MedicationForm;
import org.relief.medication.Medications;
import org.relief.medication.Route;
import org.relief.medication.StrengthUnit;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Structured medications as FHIR R4, valid with 0 errors: a MedicationStatement each (the free text it structures
 * stays, named in derivedFrom) and a MedicationRequest for one prescribed here, with the sig as a structured Dosage
 * (timing, doseAndRate, asNeeded, maxDosePerPeriod); in $everything, readable by id and searchable by type.
 */
@IntegrationTest
class StructuredMedicationFhirIT {

    @LocalServerPort
    int port;

    @Autowired
    FhirExport export;

    @Autowired
    FhirValidation validation;

    @Autowired
    FhirContext fhir;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    ChartService charts;

    @Autowired
    CareTeams teams;

    @Autowired
    Medications medications;

    Actor physician;
    UUID patientId;
    Medications.Entry oxy;
    Medications.Entry apixaban;
    UUID freeText;

    @BeforeEach
    void setUp() {
        physician = Fixtures.actor(staff, "dr.patel");
        patientId = fixture.patient().create();
        teams.add(patientId, Fixtures.actor(staff, "pt.garcia").staffId(), "test"); // the demo API token's user
        freeText = charts.add(physician, patientId, EntryKind.MEDICATION, Fixtures.oxycodone("5 mg"))
                .entryId();
        oxy = medications.add(
                physician,
                patientId,
                new MedicationForm(
                        "oxycodone",
                        new BigDecimal("5"),
                        StrengthUnit.MG,
                        null,
                        null,
                        null,
                        DoseForm.TABLET,
                        Route.ORAL,
                        "1 tab q6h prn, max 4/day",
                        LocalDate.now().minusMonths(2),
                        null,
                        true,
                        null,
                        "low back pain",
                        freeText));
        apixaban = medications.add(
                physician,
                patientId,
                new MedicationForm(
                        "apixaban",
                        new BigDecimal("5"),
                        StrengthUnit.MG,
                        null,
                        null,
                        null,
                        DoseForm.TABLET,
                        Route.ORAL,
                        "1 tab bid",
                        null,
                        null,
                        false,
                        "Dr Lee (cardiology)",
                        "atrial fibrillation",
                        null));
    }

    @Test
    void everythingCarriesStructuredDosageAndValidates() {
        List<Resource> all = export.everything(physician, patientId);
        List<String> errors = new ArrayList<>();
        all.forEach(r -> validation.errors(r).forEach(e -> errors.add(r.fhirType() + "/" + r.getIdPart() + " " + e)));
        assertThat(errors).as("validation errors").isEmpty();

        MedicationStatement s = find(all, MedicationStatement.class, oxy.entryId());
        assertThat(s.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.ACTIVE);
        assertThat(s.getMedicationCodeableConcept().getText()).isEqualTo("oxycodone 5 mg tablet");
        assertThat(s.getDerivedFromFirstRep().getReference()).isEqualTo("MedicationStatement/" + freeText);
        Dosage d = s.getDosageFirstRep();
        assertThat(d.getText()).isEqualTo(oxy.sigWords());
        assertThat(d.getAsNeededBooleanType().booleanValue()).isTrue();
        assertThat(d.getTiming().getRepeat().getFrequency()).isEqualTo(1);
        assertThat(d.getTiming().getRepeat().getPeriod()).isEqualByComparingTo("6");
        assertThat(d.getTiming().getRepeat().getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.H);
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("1");
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getUnit()).isEqualTo("tablet");
        assertThat(d.getMaxDosePerPeriod().getNumerator().getValue()).isEqualByComparingTo("4");
        assertThat(d.getMaxDosePerPeriod().getDenominator().getCode()).isEqualTo("d");
        // the free text it structures is still exported, as written
        assertThat(find(all, MedicationStatement.class, freeText)
                        .getMedicationCodeableConcept()
                        .getText())
                .isEqualTo("Oxycodone hydrochloride 5 MG Oral Tablet");

        // prescribed here: an order too; apixaban from outside: a statement only, its source named
        MedicationRequest order = find(all, MedicationRequest.class, oxy.entryId());
        assertThat(order.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(order.getDosageInstructionFirstRep().getAsNeededBooleanType().booleanValue())
                .isTrue();
        assertThat(all.stream().filter(r -> r instanceof MedicationRequest).map(Resource::getIdPart))
                .containsExactly(oxy.entryId().toString());
        MedicationStatement apix = find(all, MedicationStatement.class, apixaban.entryId());
        assertThat(apix.getInformationSource().getDisplay()).isEqualTo("Dr Lee (cardiology)");
        Timing.TimingRepeatComponent bid = apix.getDosageFirstRep().getTiming().getRepeat();
        assertThat(bid.getFrequency()).isEqualTo(2);
        assertThat(bid.getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.D);
        assertThat(apix.getDosageFirstRep().getAsNeededBooleanType().booleanValue())
                .isFalse();
    }

    @Test
    void readableByIdAndSearchableByTypeOverHttp() throws Exception {
        Bundle requests = search("/fhir/MedicationRequest?patient=" + patientId);
        assertThat(requests.getTotal()).isEqualTo(1);
        assertThat(validation.errors(requests)).isEmpty();
        Bundle statements = search("/fhir/MedicationStatement?patient=Patient/" + patientId);
        assertThat(statements.getTotal()).isEqualTo(3); // the free text, and the two structured
        var read = get("/fhir/MedicationStatement/" + oxy.entryId());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"maxDosePerPeriod\"").contains("\"asNeededBoolean\":true");
        assertThat(get("/fhir/MedicationStatement/" + apixaban.entryId()).statusCode())
                .isEqualTo(200);
        assertThat(get("/fhir/MedicationRequest/" + apixaban.entryId()).statusCode())
                .isEqualTo(404);
        assertThat(get("/fhir/MedicationRequest/" + oxy.entryId()).statusCode()).isEqualTo(200);
    }

    private static <T extends Resource> T find(List<Resource> all, Class<T> type, UUID id) {
        return all.stream()
                .filter(type::isInstance)
                .filter(r -> r.getIdPart().equals(id.toString()))
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + "/" + id));
    }

    private Bundle search(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return fhir.newJsonParser().parseResource(Bundle.class, r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + FhirExportIT.TOKEN)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
