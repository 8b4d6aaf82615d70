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
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.EvaluationKinds;
import org.relief.evaluation.Evaluations;
import org.relief.evaluation.Findings;
import org.relief.patient.ChartService;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the clinic adds to a chart, as FHIR: instrument responses, procedures performed and their follow-ups,
 * evaluation diagnoses, plan versions with goals; valid R4, readable by id and searchable by patient.
 */
@IntegrationTest
class FhirClinicalResourcesIT {

    static final String TOKEN = FhirExportIT.TOKEN;

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
    Patients patients;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    ChartService charts;

    @Autowired
    CareTeams teams;

    @Autowired
    Assessments assessments;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Plans plans;

    @Autowired
    AuditLog audit;

    Actor physician;
    UUID patientId;

    @BeforeEach
    void aPatientWithTheWholeStory() {
        physician = Fixtures.actor(staff, "dr.patel");
        Actor pt = Fixtures.actor(staff, "pt.garcia");
        // a lumbar transforaminal ESI 10 days ago with a follow-up of 60% relief
        patientId = fixture.patient().readyForLumbarEsi().create();
        teams.add(patientId, pt.staffId(), "test");
        LocalDate today = LocalDate.now();
        assessments.record(physician, patientId, "NRS", today.minusDays(30), Map.of("pain", 7));
        assessments.record(physician, patientId, "NRS", today.minusDays(1), Map.of("pain", 3));
        assessments.record(physician, patientId, "PEG", today.minusDays(1), Map.of("p", 3, "e", 4, "g", 3));
        UUID episode = evaluations.start(physician, patientId);
        charts.add(
                physician,
                patientId,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(
                        episode, "M54.16", "Radiculopathy, lumbar region", Findings.Certainty.CONFIRMED));
        charts.add(
                physician,
                patientId,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(
                        episode, "M46.1", "Sacroiliitis, not elsewhere classified", Findings.Certainty.WORKING));
        patients.changeStep(physician, patientId, Step.PLANNING, "test");
        var goals = List.of(
                new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Pain at most 4 of 10",
                        "NRS",
                        new BigDecimal("4"),
                        today.plusMonths(3)),
                new PlanVersion.Goal(PlanVersion.GoalKind.PERSONAL, "Walk the dog every morning", null, null, null));
        var therapies = List.of(
                new PlanVersion.PlannedTherapy(
                        "PT", pt.staffId(), null, "2x a week", "6 weeks", "lumbar", null, today, today.plusWeeks(6)),
                new PlanVersion.PlannedTherapy(
                        "SCS_TRIAL",
                        physician.staffId(),
                        null,
                        "once",
                        "7 days",
                        "thoracic",
                        null,
                        today.plusWeeks(2),
                        null));
        PlanVersion v1 = plans.propose(pt, patientId, goals, therapies, null, 0);
        plans.sign(physician, patientId, v1.id());
        plans.propose(pt, patientId, goals, therapies.subList(0, 1), "stimulation trial postponed", 1);
    }

    @Test
    void everythingHasTheClinicsOwnResourcesAndValidates() {
        List<Resource> all = export.everything(physician, patientId);
        List<String> errors = new ArrayList<>();
        for (Resource r : all) {
            validation.errors(r).forEach(e -> errors.add(r.fhirType() + "/" + r.getIdPart() + " " + e));
        }
        validation
                .errors(FhirExport.searchset("http://localhost/fhir", all, all.size()))
                .forEach(e -> errors.add("Bundle " + e));
        assertThat(errors).as("validation errors").isEmpty();
        assertThat(all)
                .extracting(Resource::fhirType)
                .contains("QuestionnaireResponse", "Observation", "Procedure", "Condition", "CarePlan", "Goal");

        Observation nrs = of(all, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("72514-3"))
                .findFirst()
                .orElseThrow();
        assertThat(nrs.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(nrs.getDerivedFromFirstRep().getReference()).startsWith("QuestionnaireResponse/");
        // PEG declares no LOINC code: Relief's own system, never a made-up LOINC
        Observation peg = of(all, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("PEG"))
                .findFirst()
                .orElseThrow();
        assertThat(peg.getCode().getCoding()).extracting(c -> c.getSystem()).containsExactly("urn:relief:instrument");
        assertThat(peg.getValueQuantity().getValue().doubleValue()).isBetween(3.3, 3.4);

        Procedure esi = of(all, Procedure.class).stream()
                .filter(p -> p.getCode().hasCoding())
                .findFirst()
                .orElseThrow();
        assertThat(esi.getCode().getCoding()).anySatisfy(c -> {
            assertThat(c.getSystem()).isEqualTo("http://www.ama-assn.org/go/cpt");
            assertThat(c.getCode()).isEqualTo("64483"); // lumbar transforaminal, one level, fluoroscopy
        });
        assertThat(esi.getBodySiteFirstRep().getText()).isEqualTo("Lumbar, left, 1 level");
        Observation relief = of(all, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("relief-percent"))
                .findFirst()
                .orElseThrow();
        assertThat(relief.getValueQuantity().getValue().intValue()).isEqualTo(60);
        assertThat(relief.getPartOfFirstRep().getReference()).isEqualTo("Procedure/" + esi.getIdPart());

        assertThat(of(all, Condition.class))
                .filteredOn(c -> c.hasVerificationStatus())
                .extracting(c -> c.getVerificationStatus().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("confirmed", "provisional");
        List<CarePlan> carePlans = of(all, CarePlan.class);
        assertThat(carePlans).extracting(c -> c.getStatus().toCode()).containsExactly("revoked", "draft");
        assertThat(carePlans.get(1).getReplacesFirstRep().getReference())
                .isEqualTo("CarePlan/" + carePlans.get(0).getIdPart());
        assertThat(carePlans.get(0).getActivity()).hasSize(2);
    }

    @Test
    void eachResourceReadsByIdAndForeignIdsAre404() throws Exception {
        List<Resource> all = export.everything(physician, patientId);
        for (Resource r : all) {
            if (r.fhirType().equals("Practitioner") || r.fhirType().equals("CareTeam")) {
                continue; // not served on their own
            }
            var response = get("/fhir/" + r.fhirType() + "/" + r.getIdPart());
            assertThat(response.statusCode())
                    .as(r.fhirType() + "/" + r.getIdPart() + ": " + response.body())
                    .isEqualTo(200);
            assertThat(fhir.newJsonParser()
                            .parseResource(response.body())
                            .getIdElement()
                            .getIdPart())
                    .isEqualTo(r.getIdPart());
        }
        assertThat(get("/fhir/Observation/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/fhir/Goal/nonsense").statusCode()).isEqualTo(404);
        assertThat(get("/fhir/Basic/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void observationsSearchByPatientCodeAndDateWithPaging() throws Exception {
        Bundle nrs = search("/fhir/Observation?patient=Patient/" + patientId + "&code=http://loinc.org%7C72514-3");
        assertThat(nrs.getTotal()).isEqualTo(2);
        Bundle recent = search("/fhir/Observation?patient=" + patientId + "&code=72514-3&date=ge"
                + LocalDate.now().minusDays(7));
        assertThat(recent.getTotal()).isEqualTo(1);
        Bundle window = search("/fhir/Observation?patient=" + patientId + "&date=ge"
                + LocalDate.now().minusDays(60) + "&date=lt" + LocalDate.now().minusDays(7));
        assertThat(window.getTotal()).isEqualTo(1);
        Bundle page = search("/fhir/Observation?patient=" + patientId + "&_count=2");
        assertThat(page.getTotal()).isEqualTo(4); // 3 scores and a follow-up
        assertThat(page.getEntry()).hasSize(2);
        String next = page.getLink("next").getUrl();
        assertThat(search(next.substring(next.indexOf("/fhir"))).getEntry()).hasSize(2);

        long before = audit.count(patientId, AuditAction.READ);
        assertThat(search("/fhir/Procedure?patient=" + patientId).getTotal()).isEqualTo(2); // prior PT and the ESI
        assertThat(search("/fhir/Condition?patient=" + patientId).getTotal()).isEqualTo(3);
        assertThat(search("/fhir/CarePlan?patient=" + patientId).getTotal()).isEqualTo(2);
        assertThat(search("/fhir/MedicationStatement?patient=" + patientId).getTotal())
                .isZero();
        assertThat(audit.count(patientId, AuditAction.READ)).isGreaterThan(before);
    }

    @Test
    void badSearchesAre400AndAPatientOutsideTheTeam403() throws Exception {
        assertThat(get("/fhir/Observation").statusCode()).isEqualTo(400);
        assertThat(get("/fhir/Observation?patient=nobody").statusCode()).isEqualTo(400);
        var badDate = get("/fhir/Observation?patient=" + patientId + "&date=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("OperationOutcome").contains("date");
        assertThat(get("/fhir/Procedure?patient=" + patientId + "&code=x").statusCode())
                .isEqualTo(400);
        assertThat(get("/fhir/Observation?patient=" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        UUID other = patients.register(
                        Fixtures.actor(staff, "desk.miller"),
                        Fixtures.registration(Fixtures.actor(staff, "dr.okafor").staffId()))
                .id();
        assertThat(get("/fhir/Condition?patient=" + other).statusCode()).isEqualTo(403);
    }

    private static <T extends Resource> List<T> of(List<Resource> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Bundle search(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return fhir.newJsonParser().parseResource(Bundle.class, r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
