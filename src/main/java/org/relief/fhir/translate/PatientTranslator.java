package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.relief.patient.Codes.Sex;
import org.relief.patient.Demographics;
import org.relief.patient.PatientSummary;

/** Patient <-> demographics. The record number is the identifier Relief issues. */
public final class PatientTranslator {

    private PatientTranslator() {}

    public static Patient toFhir(PatientSummary summary, Demographics d, String mrnSystem) {
        return toFhir(summary, d, mrnSystem, java.util.List.of());
    }

    /** The Patient with Relief's record number first, then the identifiers senders gave it (as they sent them). */
    public static Patient toFhir(
            PatientSummary summary, Demographics d, String mrnSystem, java.util.List<Identifier> senders) {
        Patient p = new Patient();
        p.setId(summary.id().toString());
        Identifier mrn = p.addIdentifier()
                .setUse(Identifier.IdentifierUse.USUAL)
                .setSystem(mrnSystem)
                .setValue(summary.mrn());
        mrn.getType()
                .addCoding()
                .setSystem(Terminology.IDENTIFIER_TYPE)
                .setCode("MR")
                .setDisplay("Medical record number");
        senders.forEach(p::addIdentifier);
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(d.familyName()).addGiven(d.givenName());
        p.setGender(
                switch (d.sex()) {
                    case FEMALE -> AdministrativeGender.FEMALE;
                    case MALE -> AdministrativeGender.MALE;
                    case OTHER -> AdministrativeGender.OTHER;
                    case UNKNOWN -> AdministrativeGender.UNKNOWN;
                });
        p.setBirthDateElement(Terminology.fhirDate(d.birthDate()));
        if (d.phone() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone());
        }
        if (d.email() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(d.email());
        }
        if (d.addressLine() != null || d.city() != null || d.postalCode() != null) {
            Address a = p.addAddress();
            if (d.addressLine() != null) {
                a.addLine(d.addressLine());
            }
            a.setCity(d.city()).setPostalCode(d.postalCode());
        }
        return p;
    }

    /** Demographics from a Patient; null with the reason in {@code why} when something required is missing. */
    public static Translation toRelief(Patient p) {
        HumanName name = p.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst()
                .orElse(p.getNameFirstRep());
        String family = name.getFamily();
        String given = String.join(
                " ", name.getGiven().stream().map(StringType::getValue).toList());
        LocalDate birth = Terminology.date(p.getBirthDateElement());
        if (family == null || family.isBlank() || given.isBlank() || birth == null) {
            return Translation.skip("a patient needs a family name, a given name and a birth date");
        }
        Sex sex = switch (p.getGender() == null ? AdministrativeGender.NULL : p.getGender()) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
        String phone = p.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue)
                .filter(v -> v != null && v.matches("^[0-9 +()\\-.]{7,25}$"))
                .findFirst()
                .orElse(null);
        String email = p.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.EMAIL)
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
        Address a = p.getAddress().isEmpty() ? null : p.getAddressFirstRep();
        String line = a == null || a.getLine().isEmpty()
                ? null
                : String.join(
                        ", ", a.getLine().stream().map(StringType::getValue).toList());
        return Translation.of(
                org.relief.patient.EntryKind.DEMOGRAPHICS,
                new Demographics(
                        Terminology.clip(family, 100),
                        Terminology.clip(given, 100),
                        birth,
                        sex,
                        phone,
                        email,
                        Terminology.clip(line, 200),
                        a == null ? null : Terminology.clip(a.getCity(), 100),
                        a == null ? null : Terminology.clip(a.getPostalCode(), 20)));
    }

    static UUID idOf(String logicalId) {
        try {
            return UUID.fromString(logicalId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
