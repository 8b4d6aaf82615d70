package org.relief.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.relief.record.RecordKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assessment module's record kind: instrument responses, kept by the record engine in its own table. */
@Configuration(proxyBeanMethods = false)
class AssessmentKinds {

    /**
     * What is stored of a response: the answers as given and the score computed when it was recorded (answers,
     * subscales and safety flags are jsonb columns).
     */
    record Answered(
            String instrument,
            LocalDate administeredOn,
            Map<String, Integer> answers,
            BigDecimal total,
            String band,
            Map<String, Double> subscales,
            List<String> safetyFlags) {}

    @Bean
    RecordKind<Answered> instrumentResponses() {
        return RecordKind.of("instrument_response", Answered.class, "administered_on, recorded_at");
    }
}
