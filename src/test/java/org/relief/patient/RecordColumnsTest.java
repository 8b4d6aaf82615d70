package org.relief.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import org.junit.jupiter.api.Test;
import org.relief.support.Fixtures;

class RecordColumnsTest {

    @Test
    void columnsAreTheComponentsInSnakeCase() {
        assertThat(RecordColumns.of(Problem.class).columns())
                .containsExactly("icd10_code", "snomed_code", "description", "onset_date", "clinical_status");
        assertThat(RecordColumns.snake("doseOrFrequency")).isEqualTo("dose_or_frequency");
    }

    @Test
    void valuesStoreEnumsByNameDatesAsSqlDatesAndBlankAsNull() {
        var values = RecordColumns.of(Medication.class).values(Fixtures.oxycodone(" "));
        assertThat(values.get("drug_class")).isEqualTo("OPIOID");
        assertThat(values.get("start_date")).isInstanceOf(Date.class);
        assertThat(values.get("dose")).isNull();
        assertThat(values.get("rxnorm_code")).isNull();
    }
}
