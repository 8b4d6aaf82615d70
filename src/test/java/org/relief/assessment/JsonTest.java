package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class JsonTest {

    @Test
    void answersGoOutAndComeBackAsTheSameIntegers() {
        Map<String, Integer> answers = new TreeMap<>(Map.of("q1", 0, "q2", 3, "q10", 27));
        String json = Json.write(answers);
        assertThat(json).isEqualTo("{\"q1\":0,\"q10\":27,\"q2\":3}");
        assertThat(Json.readInts(json)).isEqualTo(answers);
    }

    @Test
    void subscalesKeepTheirFractionsAndTheirOrder() {
        Map<String, Double> subscales = new LinkedHashMap<>();
        subscales.put("rumination", 8.0);
        subscales.put("magnification", 4.5);
        subscales.put("helplessness", -0.25);
        Map<String, Double> back = Json.readDoubles(Json.write(subscales));
        assertThat(back).containsExactly(Map.entry("rumination", 8.0), Map.entry("magnification", 4.5),
                Map.entry("helplessness", -0.25));
    }

    @Test
    void readsWhatPostgresReturnsForJsonb() {
        // jsonb comes back with its own spacing and key order
        assertThat(Json.readInts("{\"b\": 2, \"a\": 1}")).containsExactly(Map.entry("b", 2), Map.entry("a", 1));
        assertThat(Json.readDoubles("{\"severity\": 6.75}")).containsExactly(Map.entry("severity", 6.75));
    }

    @Test
    void aKeyWithoutANumberIsLeftOutAndNoValueIsAnEmptyMap() {
        Map<String, Double> withNull = new LinkedHashMap<>();
        withNull.put("interference", null);
        withNull.put("severity", 5.0);
        assertThat(Json.write(withNull)).isEqualTo("{\"interference\":null,\"severity\":5.0}");
        assertThat(Json.readDoubles(Json.write(withNull))).containsExactly(Map.entry("severity", 5.0));
        assertThat(Json.readInts(null)).isEmpty();
        assertThat(Json.readInts("null")).isEmpty();
        assertThat(Json.readDoubles("{}")).isEmpty();
    }

    @Test
    void keysAreEscapedNotStrippedAndBrokenJsonIsAnError() {
        Map<String, Integer> odd = Map.of("say \"hi\"\n", 1);
        assertThat(Json.readInts(Json.write(odd))).isEqualTo(odd);
        assertThatThrownBy(() -> Json.readInts("{\"q1\": 1")).isInstanceOf(JacksonException.class);
    }
}
