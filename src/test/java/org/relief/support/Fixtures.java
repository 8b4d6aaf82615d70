package org.relief.support;

import java.time.LocalDate;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.Codes.Sex;
import org.relief.patient.Codes.Urgency;
import org.relief.patient.Demographics;
import org.relief.patient.Medication;
import org.relief.patient.Problem;
import org.relief.patient.Referral;
import org.relief.patient.Registration;

/** Small named test data, built fresh for each test. */
public final class Fixtures {

    private Fixtures() {}

    public static Actor actor(StaffDirectory staff, String username) {
        var s = staff.findByUsername(username).orElseThrow();
        return new Actor(s.id(), s.username(), s.role(), "127.0.0.1");
    }

    public static Demographics dana() {
        return new Demographics(
                "Testperson",
                "Dana",
                LocalDate.of(1970, 5, 17),
                Sex.FEMALE,
                "555-123-4567",
                "dana@example.org",
                "1 Test Road",
                "Riverton",
                "10001");
    }

    public static Referral referral() {
        return new Referral(
                "Dr. Helen Ward",
                "Riverton Family Medicine",
                "Low back pain for 8 months",
                LocalDate.now().minusDays(3),
                Urgency.ROUTINE);
    }

    public static Registration registration(UUID physicianId) {
        return new Registration(dana(), referral(), physicianId);
    }

    /**
     * Dana under a family name of the test's own: a test that finds its patient by full name and date of birth
     * must not share the name with the many Dana Testpersons other tests register (searches have a result limit).
     */
    public static Registration registration(UUID physicianId, String familyName) {
        var d = dana();
        return new Registration(
                new org.relief.patient.Demographics(
                        familyName,
                        d.givenName(),
                        d.birthDate(),
                        d.sex(),
                        d.phone(),
                        d.email(),
                        d.addressLine(),
                        d.city(),
                        d.postalCode()),
                referral(),
                physicianId);
    }

    public static Problem lowBackPain() {
        return new Problem(
                "M54.50", "Low back pain, unspecified", LocalDate.now().minusMonths(8), ClinicalStatus.ACTIVE);
    }

    public static Medication oxycodone(String dose) {
        return new Medication(
                "Oxycodone hydrochloride 5 MG Oral Tablet",
                null,
                DrugClass.OPIOID,
                dose,
                "every 6 hours",
                "oral",
                LocalDate.now().minusMonths(2),
                MedicationStatus.ACTIVE);
    }
}
