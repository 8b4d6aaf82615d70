package org.relief.letters;

import java.time.LocalDate;
import java.util.UUID;
import org.relief.record.RecordKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The letters module's record kind: the consult letter, each save a version (table {@code consult_letter}, V90). */
@Configuration(proxyBeanMethods = false)
class LetterKinds {

    enum Status {
        DRAFT,
        SIGNED
    }

    /**
     * One version of a consult letter.
     *
     * @param episodeId the signed evaluation episode it reports
     * @param facts what the letter states from signed records, as read when this version was saved
     * @param signedBy the signer's name (signed versions only)
     * @param pdf the signed version's PDF, Base64 (signed versions only; drafts are rendered when asked for)
     */
    record Stored(
            UUID episodeId,
            Status status,
            LocalDate letterDate,
            String recipient,
            ConsultFacts facts,
            String planInWords,
            String requests,
            String comments,
            LocalDate nextReview,
            String signedBy,
            String pdf) {}

    @Bean
    RecordKind<Stored> consultLetterKind() {
        return RecordKind.of("consult_letter", Stored.class, "letter_date desc, recorded_at desc");
    }
}
