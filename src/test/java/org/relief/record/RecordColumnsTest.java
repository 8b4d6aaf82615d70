package org.relief.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.patient.Medication;
import org.relief.patient.Problem;
import org.relief.support.Fixtures;
import tools.jackson.databind.json.JsonMapper;

class RecordColumnsTest {

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void columnsAreTheComponentsInSnakeCase() {
        assertThat(RecordColumns.of(Problem.class).columns())
                .containsExactly("icd10_code", "snomed_code", "description", "onset_date", "clinical_status");
        assertThat(RecordColumns.snake("doseOrFrequency")).isEqualTo("dose_or_frequency");
    }

    @Test
    void valuesStoreEnumsByNameDatesAsSqlDatesAndBlankAsNull() {
        var values = RecordColumns.of(Medication.class).values(Fixtures.oxycodone(" "), json);
        assertThat(values.get("drug_class")).isEqualTo("OPIOID");
        assertThat(values.get("start_date")).isInstanceOf(Date.class);
        assertThat(values.get("dose")).isNull();
        assertThat(values.get("rxnorm_code")).isNull();
    }

    record WithJson(String name, Map<String, Integer> answers, List<String> flags) {}

    @Test
    void mapsAndListsAreJsonbColumnsWrittenByJackson() {
        RecordColumns<WithJson> cols = RecordColumns.of(WithJson.class);
        var values = cols.values(new WithJson("x", Map.of("q1", 3), List.of("a:b")), json);
        assertThat(values.get("answers")).isEqualTo("{\"q1\":3}");
        assertThat(values.get("flags")).isEqualTo("[\"a:b\"]");
        assertThat(cols.placeholder("answers")).isEqualTo("cast(:answers as jsonb)");
        assertThat(cols.placeholder("name")).isEqualTo(":name");
    }

    record WithPrimitive(int count) {}

    @Test
    void refusesAPayloadItCannotStore() {
        assertThatThrownBy(() -> RecordKind.of("t", WithPrimitive.class, "count"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primitives");
    }
}
