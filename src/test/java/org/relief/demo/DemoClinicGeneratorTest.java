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
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void sameSeedGivesTheSameClinic() {
        var a = new DemoClinicGenerator(7, TODAY).patient(5, "R1");
        var b = new DemoClinicGenerator(7, TODAY).patient(5, "R1");
        assertThat(a).isEqualTo(b);
        assertThat(new DemoClinicGenerator(8, TODAY).patient(5, "R1")).isNotEqualTo(a);
    }

    @Test
    void fortyEightPatientsCoverEveryStepOfTheWay() {
        var generator = new DemoClinicGenerator(20261124, TODAY);
        Set<Step> steps = EnumSet.noneOf(Step.class);
        IntStream.range(0, 48).forEach(i -> steps.add(generator.patient(i, "R" + i).chart().step()));
        assertThat(steps).containsExactlyInAnyOrder(Step.values());
    }

    @Test
    void everyGeneratedEntryPassesTheChartsOwnValidation() {
        var generator = new DemoClinicGenerator(3, TODAY);
        IntStream.range(0, 200).mapToObj(i -> generator.patient(i, "R" + i).chart()).forEach(chart -> {
            assertThat(validator.validate(chart.demographics())).isEmpty();
            chart.entries().forEach(e -> e.versions().forEach(v ->
                    assertThat(validator.validate(v)).as(e.kind() + " " + v).isEmpty()));
        });
    }

    @Test
    void someDemoPatientsTakeOpioidsBenzodiazepinesAndBloodThinners() {
        var generator = new DemoClinicGenerator(20261124, TODAY);
        var classes = IntStream.range(0, 48).mapToObj(i -> generator.patient(i, "R" + i).chart())
                .flatMap(c -> c.entries().stream()).filter(e -> e.kind() == EntryKind.MEDICATION)
                .map(e -> ((org.relief.patient.Medication) e.versions().get(0)).drugClass().name())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(classes).contains("OPIOID", "BENZODIAZEPINE", "ANTICOAGULANT");
    }

    @Test
    void theLongHistoryPatientHasTenYearsOfCare() {
        var chart = new DemoClinicGenerator(1, TODAY).longHistoryPatient("R9").chart();
        assertThat(count(chart, EntryKind.ENCOUNTER)).isEqualTo(300);
        assertThat(count(chart, EntryKind.TREATMENT)).isEqualTo(60);
        assertThat(count(chart, EntryKind.IMAGING)).isEqualTo(40);
        assertThat(chart.entries().stream().filter(e -> e.kind() == EntryKind.MEDICATION)
                .mapToInt(e -> e.versions().size()).sum()).isEqualTo(80);
    }

    private static long count(org.relief.patient.ChartBulkLoader.SeedChart chart, EntryKind<?> kind) {
        return chart.entries().stream().filter(e -> e.kind() == kind).count();
    }
}
