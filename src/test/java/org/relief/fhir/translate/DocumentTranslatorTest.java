package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.junit.jupiter.api.Test;
import org.relief.patient.Document;
import org.relief.patient.EntryKind;

class DocumentTranslatorTest {

    @Test
    void toFhirCarriesTheTextAsItsAttachment() {
        var v = first(new Document(
                "Referral letter", LocalDate.of(2026, 2, 3), "Dr. Okafor", "text/plain", "Dear colleague, ..."));
        DocumentReference r = DocumentTranslator.toFhir(v, PATIENT);
        assertThat(r.getStatus()).isEqualTo(DocumentReferenceStatus.CURRENT);
        assertThat(r.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
        assertThat(r.getAuthorFirstRep().getDisplay()).isEqualTo("Dr. Okafor");
        assertThat(r.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain");
        assertThat(new String(r.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .isEqualTo("Dear colleague, ...");
    }

    @Test
    void whatReliefExportsComesBackTheSame() {
        Document d = new Document(
                "Physiotherapy discharge note",
                LocalDate.of(2025, 11, 20),
                "J. Berg",
                "text/plain",
                "Six sessions, home programme given.");
        DocumentReference out = DocumentTranslator.toFhir(first(d), PATIENT);
        Translation back =
                DocumentTranslator.toRelief(out, out.getAuthorFirstRep().getDisplay());
        assertThat(back.kind()).isEqualTo(EntryKind.DOCUMENT);
        assertThat(data(back, Document.class)).isEqualTo(d);
    }

    @Test
    void toReliefKeepsTextOnlyAndNothingDatedInTheFuture() {
        DocumentReference pdf = document("application/pdf", "%PDF-1.7", LocalDate.of(2025, 1, 1));
        assertThat(DocumentTranslator.toRelief(pdf, null).skipReason()).contains("application/pdf");
        DocumentReference future =
                document("text/plain", "note", LocalDate.now().plusDays(2));
        assertThat(DocumentTranslator.toRelief(future, null).skipReason()).isEqualTo("document dated in the future");
        DocumentReference blank = document("text/plain", "   ", LocalDate.of(2025, 1, 1));
        assertThat(DocumentTranslator.toRelief(blank, null).skipReason()).isEqualTo("empty document");
        DocumentReference charset =
                document("text/plain; charset=utf-8", "Befund: unauffällig", LocalDate.of(2025, 1, 1));
        Document kept = data(DocumentTranslator.toRelief(charset, null), Document.class);
        assertThat(kept.contentType()).isEqualTo("text/plain");
        assertThat(kept.content()).isEqualTo("Befund: unauffällig");
        assertThat(kept.title()).isEqualTo("not stated");
    }

    private static DocumentReference document(String contentType, String text, LocalDate date) {
        DocumentReference r = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT);
        r.setDate(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()));
        r.addContent().getAttachment().setContentType(contentType).setData(text.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
