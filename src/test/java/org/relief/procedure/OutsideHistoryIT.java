package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.Codes;
import org.relief.patient.EntryKind;
import org.relief.patient.ImagingStudy;
import org.relief.patient.Patients;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Problem;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.Outcome;
import org.relief.procedure.rules.ProcedureType;
import org.relief.procedure.rules.RuleEngine;
import org.relief.record.Versioned;
import org.relief.screening.CandidacyRules;
import org.relief.screening.CandidacyScreen;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On the real chart: the ten-year demo patient's outside ESIs reach the ESI rules, and the candidacy screen and the
 * ESI rule read the same conservative care.
 */
@IntegrationTest
class OutsideHistoryIT {

    private static final String OUTSIDE = "outside: referral prior treatment";

    @Autowired
    Orders orders;

    @Autowired
    ChartService charts;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    CandidacyScreen screen;

    @LocalServerPort
    int port;

    @Test
    void theTenYearPatientOrderingALumbarTransforaminalEsiSeesHerOutsideEsis() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patients.search(physician, "Tenyear", Patients.Scope.MINE, 5)
                .get(0)
                .id();
        LocalDate planned = LocalDate.now().plusDays(7);
        List<PriorTreatment> outsideEsis = charts.chart(physician, id).treatments().stream()
                .map(Versioned::data)
                .filter(t -> t.therapy().toLowerCase().contains("transforaminal"))
                .toList();
        assertThat(outsideEsis)
                .as("the demo patient has outside lumbar transforaminal ESIs")
                .isNotEmpty();
        PriorTreatment last = outsideEsis.stream()
                .max(Comparator.comparing(PriorTreatment::startDate))
                .orElseThrow();

        RuleEngine.Result r = orders.check(
                physician,
                id,
                new Facts.Order(
                        ProcedureType.ESI_TRANSFORAMINAL,
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        1,
                        planned,
                        Facts.Indication.RADICULOPATHY,
                        40.0,
                        false,
                        true,
                        null,
                        false,
                        null));
        r.outcomes()
                .forEach(o -> System.out.println(
                        "TENYEAR " + o.rule() + " | " + o.decision() + " | " + o.reason() + " | " + o.source()));

        // the facts the rules read hold her outside ESIs, labelled, beside the ones documented here
        Facts.History history = orders.history(physician, id);
        List<Facts.PastProcedure> esis = history.procedures().stream()
                .filter(p -> p.type() == ProcedureType.ESI_TRANSFORAMINAL)
                .toList();
        assertThat(esis)
                .filteredOn(Facts.PastProcedure::outside)
                .extracting(Facts.PastProcedure::date)
                .contains(last.startDate());
        Facts.PastProcedure newest = esis.stream()
                .max(Comparator.comparing(Facts.PastProcedure::date))
                .orElseThrow();
        long esisInYear = esis.stream()
                .filter(p -> p.date().isAfter(planned.minusMonths(12)))
                .count();
        assertThat(outcome(r, "ESI: interval").reason())
                .contains(newest.date().toString())
                .doesNotContain("No earlier ESI");
        assertThat(outcome(r, "ESI: sessions per region per 12 months").reason())
                .contains("number " + (esisInYear + 1) + " in the lumbar region");
        assertThat(outcome(r, "ESI: response to the last one").reason())
                .contains(newest.date().toString());
        if (charts.chart(physician, id).allergies().stream()
                .anyMatch(a -> a.data().substance().toLowerCase().contains("contrast"))) {
            Outcome allergy = outcome(r, "Allergies");
            assertThat(allergy.decision()).isIn(Decision.WARN, Decision.BLOCK);
            assertThat(allergy.source()).contains("ACR Manual on Contrast Media");
        }
        assertThat(r.decision()).isNotEqualTo(Decision.ALLOW);
    }

    @Test
    void theScreenAndTheEsiRuleReadTheSameConservativeCare() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID withCare = patient(
                physician,
                List.of(
                        new PriorTreatment(
                                "Physical therapy after lumbar surgery",
                                LocalDate.now().minusWeeks(20),
                                LocalDate.now().minusWeeks(12),
                                "2x a week",
                                Codes.TreatmentResult.NONE,
                                null,
                                null),
                        new PriorTreatment(
                                "Lumbar interlaminar epidural steroid injection",
                                LocalDate.now().minusWeeks(10),
                                LocalDate.now().minusWeeks(10),
                                null,
                                Codes.TreatmentResult.NONE,
                                null,
                                null)));
        String text = "Physical therapy after lumbar surgery (no improvement, 8 weeks)";
        assertThat(screenReason(physician, withCare)).contains(text).doesNotContain("epidural");
        Outcome esi = outcome(check(physician, withCare), "ESI: conservative care");
        assertThat(esi.decision()).isEqualTo(Decision.ALLOW);
        assertThat(esi.reason()).contains(text);

        UUID onlyProcedures = patient(
                physician,
                List.of(new PriorTreatment(
                        "Lumbar transforaminal epidural steroid injection",
                        LocalDate.now().minusWeeks(10),
                        LocalDate.now().minusWeeks(10),
                        null,
                        Codes.TreatmentResult.NONE,
                        null,
                        null)));
        assertThat(screen.screen(physician, onlyProcedures).reasons())
                .noneMatch(x -> x.text().startsWith("Traditional treatment tried"));
        Outcome none = outcome(check(physician, onlyProcedures), "ESI: conservative care");
        assertThat(none.decision()).isEqualTo(Decision.BLOCK);
        assertThat(none.reason()).contains("No conservative care documented as failed");
    }

    @Test
    void completingTheOutsideEntryTheRuleNamedLetsTheRuleDecide() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patient(
                physician,
                List.of(new PriorTreatment(
                        "Physical therapy",
                        LocalDate.now().minusWeeks(30),
                        LocalDate.now().minusWeeks(20),
                        null,
                        Codes.TreatmentResult.NONE,
                        null,
                        null)));
        var esi = charts.add(
                physician,
                id,
                EntryKind.TREATMENT,
                new PriorTreatment(
                        "Epidural injection elsewhere",
                        LocalDate.now().minusWeeks(8),
                        LocalDate.now().minusWeeks(8),
                        null,
                        Codes.TreatmentResult.PARTIAL,
                        null,
                        null));
        Outcome before = outcome(check(physician, id), "ESI: response to the last one");
        assertThat(before.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(before.reason())
                .contains("complete the prior treatment 'Epidural injection elsewhere'")
                .contains("region is not recorded");

        charts.correct(
                physician,
                id,
                EntryKind.TREATMENT,
                esi.entryId(),
                esi.version(),
                new PriorTreatment(
                        "Epidural injection elsewhere",
                        LocalDate.now().minusWeeks(8),
                        LocalDate.now().minusWeeks(8),
                        null,
                        Codes.TreatmentResult.PARTIAL,
                        null,
                        null,
                        "ESI_IL",
                        "62323",
                        null,
                        Codes.SpineRegion.LUMBAR,
                        Codes.BodySide.MIDLINE,
                        1,
                        80,
                        60,
                        6,
                        "about 60% better"),
                "relief from the outside report");
        Outcome after = outcome(check(physician, id), "ESI: response to the last one");
        assertThat(after.decision()).isEqualTo(Decision.ALLOW);
        assertThat(after.reason()).contains("60% relief").contains("outside: referral prior treatment");
        assertThat(outcome(check(physician, id), "Cumulative steroid").reason()).contains("120 mg");
    }

    @Test
    void aTherapyCodeOutsideTheCatalogueIsRefusedNamingTheField() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patient(physician, List.of());
        assertThatThrownBy(() -> charts.add(
                        physician,
                        id,
                        EntryKind.TREATMENT,
                        new PriorTreatment(
                                "Something",
                                LocalDate.now().minusWeeks(8),
                                null,
                                null,
                                Codes.TreatmentResult.PARTIAL,
                                null,
                                null,
                                "NOT_A_THERAPY",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("therapyCode"));
    }

    @Test
    void thePriorTreatmentFormOffersTheCatalogueAndTheProcedureFactsAndTheChartShowsThem() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patient(physician, List.of());
        Http patel = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        String form = patel.get("/patients/" + id + "/treatments/new").body();
        assertThat(form)
                .contains("Therapy in the catalogue")
                .contains("name=\"therapyCode\"")
                .contains("value=\"ESI_TF\"")
                .contains("Steroid dose (mg)")
                .contains("Relief of the index pain (%)")
                .contains("Spine region");
        var saved = patel.postForm(
                "/patients/" + id + "/treatments",
                Map.of(
                        "therapy",
                        "Transforaminal ESI",
                        "startDate",
                        LocalDate.now().minusWeeks(8).toString(),
                        "result",
                        "PARTIAL",
                        "therapyCode",
                        "ESI_TF",
                        "region",
                        "LUMBAR",
                        "side",
                        "LEFT",
                        "steroidMg",
                        "80",
                        "reliefPercent",
                        "55"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(patel.get("/patients/" + id).body()).contains("lumbar, left, 80 mg steroid, 55% relief");
    }

    private String screenReason(Actor actor, UUID id) {
        return screen.screen(actor, id).reasons().stream()
                .map(CandidacyRules.Reason::text)
                .filter(t -> t.startsWith("Traditional treatment tried"))
                .findFirst()
                .orElseThrow();
    }

    private RuleEngine.Result check(Actor actor, UUID id) {
        return orders.check(
                actor,
                id,
                new Facts.Order(
                        ProcedureType.ESI_INTERLAMINAR,
                        Facts.Region.LUMBAR,
                        Facts.Side.NONE,
                        1,
                        LocalDate.now().plusDays(7),
                        Facts.Indication.RADICULOPATHY,
                        40.0,
                        false,
                        true,
                        null,
                        false,
                        null));
    }

    private UUID patient(Actor physician, List<PriorTreatment> treatments) {
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        charts.add(
                physician,
                id,
                EntryKind.PROBLEM,
                new Problem(
                        "M54.16",
                        "Radiculopathy, lumbar region",
                        LocalDate.now().minusMonths(8),
                        Codes.ClinicalStatus.ACTIVE));
        charts.add(
                physician,
                id,
                EntryKind.IMAGING,
                new ImagingStudy(
                        Codes.Modality.MRI,
                        "Lumbar spine",
                        LocalDate.now().minusMonths(1),
                        "L4-L5 disc protrusion contacting the L5 root"));
        treatments.forEach(t -> charts.add(physician, id, EntryKind.TREATMENT, t));
        return id;
    }

    private static Outcome outcome(RuleEngine.Result r, String rule) {
        return r.outcomes().stream()
                .filter(o -> o.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("rule " + rule + " did not run"));
    }
}
