package org.relief.plan;

import java.util.UUID;
import org.relief.record.RecordKind;
import org.relief.record.RecordKind.Layout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan module's record kind: a patient's plan is one entry (its entry column is the patient) whose versions are
 * the rows of plan_version; goals and therapies belong to a version by its row id, the signature is a row of its own.
 */
@Configuration(proxyBeanMethods = false)
class PlanKinds {

    /** What plan_version stores beyond the bookkeeping: the version's own id and the warning it was proposed with. */
    record Proposed(UUID id, String warning) {}

    @Bean
    RecordKind<Proposed> planVersions() {
        return RecordKind.of("plan_version", Proposed.class, "version")
                .withLayout(new Layout(
                        "patient_id",
                        "version",
                        "patient_id",
                        null,
                        null,
                        "change_reason",
                        "created_by",
                        "created_at"));
    }
}
