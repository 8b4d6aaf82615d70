package org.relief.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.relief.patient.EntryKind;
import org.relief.patient.Step;

class DemoClinicGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void sameSeedGivesTheSameClinic() {
        var a = new DemoClinicGenerator(7, TODAY).patient(5, "R1");
        var b = new DemoClinicGenerator(7, TODAY).patient(5, "R1");
        assertThat(a).isEqualTo(b);
        assertThat(new DemoClinicGenerator(8, TODAY).patient(5, "R1")).isNotEqualTo(a);
    }

    @Test
    void drPatelKeepsAPanelOfTenThousandHoweverLargeTheClinic() {
        var generator = new DemoClinicGenerator(20261124, TODAY);
        var patel = DemoClinicGenerator.STAFF.get(0);
        var okafor = DemoClinicGenerator.STAFF.get(1);
        // the physicians take turns up to 20,000 patients (the 48-patient demo as before) ...
        assertThat(generator.patient(0, "R0").team().get(0).staffId()).isEqualTo(patel.id());
        assertThat(generator.patient(1, "R1").team().get(0).staffId()).isEqualTo(okafor.id());
        assertThat(generator.patient(19_998, "R2").team().get(0).staffId()).isEqualTo(patel.id());
        // ... and every later patient goes to dr.okafor
        assertThat(IntStream.range(20_000, 20_100)
                        .mapToObj(
                                i -> generator.patient(i, "R" + i).team().get(0).staffId()))
                .containsOnly(okafor.id());
        assertThat(IntStream.range(0, 100_000).filter(i -> DemoClinicGenerator.physician(i) == patel))
                .hasSize(10_000);
    }

    @Test
    void fortyEightPatientsCoverEveryStepOfTheWay() {
        var generator = new DemoClinicGenerator(20261124, TODAY);
        Set<Step> steps = EnumSet.noneOf(Step.class);
        IntStream.range(0, 48)
                .forEach(i -> steps.add(generator.patient(i, "R" + i).chart().step()));
        assertThat(steps).containsExactlyInAnyOrder(Step.values());
    }

    @Test
    void everyGeneratedEntryPassesTheChartsOwnValidation() {
        var generator = new DemoClinicGenerator(3, TODAY);
        IntStream.range(0, 200)
                .mapToObj(i -> generator.patient(i, "R" + i).chart())
                .forEach(chart -> {
                    assertThat(validator.validate(chart.demographics())).isEmpty();
                    chart.entries()
                            .forEach(e -> e.versions()
                                    .forEach(v -> assertThat(validator.validate(v))
                                            .as(e.kind() + " " + v)
                                            .isEmpty()));
                });
    }

    @Test
    void someDemoPatientsTakeOpioidsBenzodiazepinesAndBloodThinners() {
        var generator = new DemoClinicGenerator(20261124, TODAY);
        var classes = IntStream.range(0, 48)
                .mapToObj(i -> generator.patient(i, "R" + i).chart())
                .flatMap(c -> c.entries().stream())
                .filter(e -> e.kind() == EntryKind.MEDICATION)
                .map(e -> ((org.relief.patient.Medication) e.versions().get(0))
                        .drugClass()
                        .name())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(classes).contains("OPIOID", "BENZODIAZEPINE", "ANTICOAGULANT");
    }

    @Test
    void theLongHistoryPatientHasTenYearsOfCare() {
        var chart = new DemoClinicGenerator(1, TODAY).longHistoryPatient("R9").chart();
        assertThat(count(chart, EntryKind.ENCOUNTER)).isEqualTo(300);
        assertThat(count(chart, org.relief.procedure.ProcedureKinds.PERFORMED)).isEqualTo(60);
        assertThat(count(chart, org.relief.procedure.ProcedureKinds.FOLLOW_UP)).isEqualTo(60);
        assertThat(count(chart, EntryKind.IMAGING)).isEqualTo(40);
        assertThat(chart.entries().stream()
                        .filter(e -> e.kind() == EntryKind.MEDICATION)
                        .mapToInt(e -> e.versions().size())
                        .sum())
                .isEqualTo(80);
    }

    private static long count(org.relief.patient.ChartBulkLoader.SeedChart chart, EntryKind<?> kind) {
        return chart.entries().stream().filter(e -> e.kind() == kind).count();
    }

    /** Her outside history (the referral's prior treatments) ends before the referral; the clinic's starts after it. */
    @Test
    void theTenYearPatientsOutsideAndInClinicHistoryTellOneStory() {
        var chart = new DemoClinicGenerator(1, TODAY).longHistoryPatient("R9").chart();
        var referred = ((org.relief.patient.Referral) chart.entries().stream()
                        .filter(e -> e.kind() == EntryKind.REFERRAL)
                        .findFirst()
                        .orElseThrow()
                        .versions()
                        .get(0))
                .referralDate();
        var outside = chart.entries().stream()
                .filter(e -> e.kind() == EntryKind.TREATMENT)
                .map(e -> (org.relief.patient.PriorTreatment) e.versions().get(0))
                .toList();
        assertThat(outside).isNotEmpty().allSatisfy(t -> {
            assertThat(t.startDate()).isBefore(referred);
            assertThat(t.endDate()).isBefore(referred);
        });
        var performed = chart.entries().stream()
                .filter(e -> e.kind() == org.relief.procedure.ProcedureKinds.PERFORMED)
                .map(e -> (org.relief.procedure.Documentation.Performed)
                        e.versions().get(0))
                .toList();
        assertThat(performed)
                .allSatisfy(p -> assertThat(p.performedOn()).isAfter(referred).isBeforeOrEqualTo(TODAY));
        // every follow-up points at a procedure of hers, after it
        var ids = new java.util.HashMap<java.util.UUID, java.time.LocalDate>();
        for (int i = 0; i < chart.entries().size(); i++) {
            if (chart.entries().get(i).kind() == org.relief.procedure.ProcedureKinds.PERFORMED) {
                ids.put(
                        org.relief.patient.ChartBulkLoader.entryId(chart.id(), i),
                        ((org.relief.procedure.Documentation.Performed)
                                        chart.entries().get(i).versions().get(0))
                                .performedOn());
            }
        }
        chart.entries().stream()
                .filter(e -> e.kind() == org.relief.procedure.ProcedureKinds.FOLLOW_UP)
                .map(e -> (org.relief.procedure.Documentation.FollowUp)
                        e.versions().get(0))
                .forEach(f -> assertThat(f.followedUpOn()).isAfter(ids.get(f.procedureId())));
    }

    /** Prior treatments end before the referral; a patient in planning or on a plan was referred before its story. */
    @Test
    void everyPatientsPriorTreatmentsComeBeforeTheReferral() {
        var generator = new DemoClinicGenerator(7, TODAY);
        for (int i = 0; i < 200; i++) {
            var chart = generator.patient(i, "R" + i).chart();
            var referred = ((org.relief.patient.Referral) chart.entries().stream()
                            .filter(e -> e.kind() == EntryKind.REFERRAL)
                            .findFirst()
                            .orElseThrow()
                            .versions()
                            .get(0))
                    .referralDate();
            chart.entries().stream()
                    .filter(e -> e.kind() == EntryKind.TREATMENT)
                    .map(e -> (org.relief.patient.PriorTreatment) e.versions().get(0))
                    .forEach(t -> assertThat(t.endDate()).as(chart.mrn()).isBefore(referred));
            if (chart.step() == org.relief.patient.Step.ON_PLAN
                    || chart.step() == org.relief.patient.Step.PLANNING
                    || chart.step() == org.relief.patient.Step.DISCHARGED) {
                assertThat(referred).as(chart.mrn()).isBefore(TODAY.minusDays(120));
            }
        }
    }
}
