package org.relief.fhir.translate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patient.Document;
import org.relief.patient.EntryKind;
import org.relief.record.Versioned;

/**
 * DocumentReference <-> attached document. Relief keeps text documents (clinical notes, letters); a binary
 * attachment (a scan, a PDF) is skipped with a reason until documents can hold files.
 */
public final class DocumentTranslator {

    private DocumentTranslator() {}

    public static DocumentReference toFhir(Versioned<Document> v, UUID patientId) {
        Document d = v.data();
        DocumentReference r = new DocumentReference();
        r.setId(v.entryId().toString());
        r.setStatus(DocumentReferenceStatus.CURRENT);
        r.getType().setText(d.title());
        r.setSubject(new Reference("Patient/" + patientId));
        r.setDate(
                Date.from(d.documentDate().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        if (d.author() != null) {
            r.addAuthor().setDisplay(d.author());
        }
        r.setDescription(d.title());
        Attachment a = r.addContent().getAttachment();
        a.setContentType(d.contentType());
        a.setData(d.content().getBytes(StandardCharsets.UTF_8));
        a.setTitle(d.title());
        return r;
    }

    public static Translation toRelief(DocumentReference r, String authorName) {
        if (r.getStatus() == DocumentReferenceStatus.ENTEREDINERROR) {
            return Translation.skip("status entered-in-error");
        }
        Attachment a = r.getContentFirstRep().getAttachment();
        String type = a.getContentType();
        if (type == null || !type.toLowerCase().startsWith("text/") || !a.hasData()) {
            return Translation.skip("not a text attachment (" + (type == null ? "no content type" : type)
                    + "): Relief keeps text documents only for now");
        }
        String content = new String(a.getData(), StandardCharsets.UTF_8).strip();
        if (content.isEmpty()) {
            return Translation.skip("empty document");
        }
        String title = r.hasDescription() ? r.getDescription() : Terminology.text(r.getType());
        LocalDate date = r.hasDate()
                ? LocalDate.ofInstant(r.getDate().toInstant(), ZoneId.systemDefault())
                : Terminology.date(r.getContext().getPeriod().getStartElement());
        if (date == null) {
            return Translation.skip("no document date");
        }
        if (date.isAfter(LocalDate.now())) {
            return Translation.skip("document dated in the future");
        }
        return Translation.of(
                EntryKind.DOCUMENT,
                new Document(
                        Terminology.clip(Terminology.orNotStated(title), 300),
                        date,
                        Terminology.clip(authorName, 200),
                        Terminology.clip(type.split(";")[0].strip(), 100),
                        Terminology.clip(content, 200000)));
    }
}
