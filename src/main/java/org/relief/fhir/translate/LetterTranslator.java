package org.relief.fhir.translate;

import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;
import org.relief.letters.ConsultLetters;

/**
 * A signed consult letter as a DocumentReference (export only): LOINC 11488-4 "Consult note", the signed PDF as
 * the attachment, the letter date, the signer as author. Drafts are never exported.
 */
public final class LetterTranslator {

    private LetterTranslator() {}

    public static DocumentReference toFhir(ConsultLetters.SignedLetter letter, UUID patientId) {
        DocumentReference r = new DocumentReference();
        r.setId(letter.entryId().toString());
        r.setStatus(DocumentReferenceStatus.CURRENT);
        r.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        r.getType().addCoding().setSystem("http://loinc.org").setCode("11488-4").setDisplay("Consult note");
        r.getType().setText(ConsultLetters.TITLE);
        r.setSubject(new Reference("Patient/" + patientId));
        r.setDate(Date.from(
                letter.letterDate().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        if (letter.signedBy() != null) {
            r.addAuthor().setDisplay(letter.signedBy());
        }
        r.setDescription(ConsultLetters.TITLE + " (version " + letter.version() + ")");
        Attachment a = r.addContent().getAttachment();
        a.setContentType("application/pdf");
        a.setLanguage("en");
        a.setData(letter.pdf());
        a.setTitle(ConsultLetters.TITLE);
        a.setCreationElement(new org.hl7.fhir.r4.model.DateTimeType(r.getDate()));
        return r;
    }
}
