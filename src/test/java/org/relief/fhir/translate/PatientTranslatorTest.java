package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.Sex;
import org.relief.patient.Demographics;
import org.relief.patient.EntryKind;
import org.relief.patient.PatientSummary;

class PatientTranslatorTest {

    private static final String MRN_SYSTEM = "urn:relief:mrn";
    private static final Demographics MARIA = new Demographics(
            "García López",
            "María José",
            LocalDate.of(1968, 2, 29),
            Sex.FEMALE,
            "+34 600 123 456",
            "maria@example.org",
            "Calle Mayor 1",
            "Madrid",
            "28013");

    private static PatientSummary summary(Demographics d) {
        return new PatientSummary(PATIENT, "R-000123", d.familyName(), d.givenName(), d.birthDate(), null);
    }

    @Test
    void toFhirCarriesTheRecordNumberAsTheMedicalRecordIdentifier() {
        Patient p = PatientTranslator.toFhir(summary(MARIA), MARIA, MRN_SYSTEM);
        assertThat(p.getIdPart()).isEqualTo(PATIENT.toString());
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo(MRN_SYSTEM);
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("R-000123");
        assertThat(p.getIdentifierFirstRep().getType().getCodingFirstRep().getCode())
                .isEqualTo("MR");
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("García López");
        assertThat(p.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1968-02-29");
    }

    @Test
    void whatReliefExportsComesBackTheSame() {
        Translation back = PatientTranslator.toRelief(PatientTranslator.toFhir(summary(MARIA), MARIA, MRN_SYSTEM));
        assertThat(back.kind()).isEqualTo(EntryKind.DEMOGRAPHICS);
        assertThat(data(back, Demographics.class)).isEqualTo(MARIA);

        Demographics sparse =
                new Demographics("Ng", "Lee", LocalDate.of(1990, 1, 1), Sex.UNKNOWN, null, null, null, null, null);
        assertThat(data(
                        PatientTranslator.toRelief(PatientTranslator.toFhir(summary(sparse), sparse, MRN_SYSTEM)),
                        Demographics.class))
                .isEqualTo(sparse);
    }

    @Test
    void toReliefPrefersTheOfficialNameAndDropsAPhoneItCannotRead() {
        Patient p = new Patient().setGender(AdministrativeGender.MALE);
        p.setBirthDateElement(new DateType("1955-07-04"));
        p.addName().setUse(HumanName.NameUse.NICKNAME).setFamily("Smith").addGiven("Bob");
        p.addName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily("Smith")
                .addGiven("Robert")
                .addGiven("James");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("call the daughter");
        Demographics d = data(PatientTranslator.toRelief(p), Demographics.class);
        assertThat(d.givenName()).isEqualTo("Robert James");
        assertThat(d.sex()).isEqualTo(Sex.MALE);
        assertThat(d.phone()).isNull();
    }

    @Test
    void toReliefNeedsNameAndBirthDate() {
        Patient p = new Patient();
        p.addName().setFamily("Doe").addGiven("Jane");
        assertThat(PatientTranslator.toRelief(p).skipReason())
                .isEqualTo("a patient needs a family name, a given name and a birth date");
    }
}
