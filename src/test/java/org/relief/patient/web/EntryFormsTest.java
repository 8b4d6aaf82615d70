package org.relief.patient.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.patient.EntryKind;
import org.relief.patient.PriorTreatment;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

class EntryFormsTest {

    private final EntryForms forms =
            new EntryForms(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void bindsAFilledForm() {
        PriorTreatment t = forms.bind(
                PriorTreatment.class,
                Map.of(
                        "therapy",
                        "Physical therapy",
                        "startDate",
                        "2025-01-06",
                        "endDate",
                        "2025-02-14",
                        "result",
                        "PARTIAL"),
                "");
        assertThat(t.result()).isEqualTo(TreatmentResult.PARTIAL);
        assertThat(t.endDate()).isEqualTo(LocalDate.of(2025, 2, 14));
        assertThat(t.sideEffects()).isNull();
    }

    @Test
    void collectsTypeAndConstraintErrorsForEveryField() {
        assertThatThrownBy(() -> forms.bind(
                        PriorTreatment.class,
                        Map.of(
                                "therapy",
                                " ",
                                "startDate",
                                "14.02.2025",
                                "endDate",
                                "2025-01-01",
                                "result",
                                "EXCELLENT"),
                        ""))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("therapy", "startDate", "result"));
    }

    @Test
    void endBeforeStartIsReportedOnTheEndDate() {
        assertThatThrownBy(() -> forms.bind(
                        PriorTreatment.class,
                        Map.of("therapy", "PT", "startDate", "2025-03-01", "endDate", "2025-01-01", "result", "NONE"),
                        ""))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsExactly(new FieldProblem("endDate", "must not be before the start date")));
    }

    @Test
    void formFieldsFollowTheRecord() {
        var fields = forms.fields(EntryKind.MEDICATION);
        assertThat(fields).extracting(EntryForms.Field::name).startsWith("name", "rxnormCode", "drugClass");
        assertThat(fields)
                .filteredOn(f -> f.name().equals("drugClass"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.input()).isEqualTo("select");
                    assertThat(f.options()).contains("OPIOID", "ANTICOAGULANT");
                    assertThat(f.required()).isTrue();
                });
        assertThat(EntryForms.label("icd10Code")).isEqualTo("ICD-10-CM code");
        assertThat(EntryForms.label("bodyRegion")).isEqualTo("Body region");
    }
}
