package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.Medication;
import org.relief.record.Versioned;

/**
 * MedicationRequest / MedicationStatement -> medication list, and back as MedicationStatement (what the patient
 * takes). The drug class Relief's safety rules look at is read from the ingredient's name (OTHER when not one of the
 * classes below): it is Relief's own grouping, not a code, and a clinician can correct it.
 */
public final class MedicationTranslator {

    private static final Map<DrugClass, List<String>> INGREDIENTS = Map.of(
            DrugClass.OPIOID,
                    List.of(
                            "oxycodone",
                            "hydrocodone",
                            "morphine",
                            "hydromorphone",
                            "fentanyl",
                            "tramadol",
                            "tapentadol",
                            "codeine",
                            "methadone",
                            "buprenorphine",
                            "oxymorphone",
                            "meperidine"),
            DrugClass.BENZODIAZEPINE, List.of("alprazolam", "lorazepam", "diazepam", "clonazepam", "temazepam"),
            DrugClass.ANTICOAGULANT,
                    List.of("warfarin", "apixaban", "rivaroxaban", "dabigatran", "edoxaban", "heparin", "enoxaparin"),
            DrugClass.ANTIPLATELET, List.of("clopidogrel", "prasugrel", "ticagrelor", "aspirin"),
            DrugClass.NSAID,
                    List.of(
                            "ibuprofen",
                            "naproxen",
                            "diclofenac",
                            "meloxicam",
                            "celecoxib",
                            "ketorolac",
                            "indomethacin",
                            "etodolac",
                            "nabumetone"),
            DrugClass.GABAPENTINOID, List.of("gabapentin", "pregabalin"),
            DrugClass.MUSCLE_RELAXANT,
                    List.of("cyclobenzaprine", "methocarbamol", "tizanidine", "baclofen", "carisoprodol"),
            DrugClass.ANTIDEPRESSANT,
                    List.of(
                            "duloxetine",
                            "amitriptyline",
                            "nortriptyline",
                            "venlafaxine",
                            "sertraline",
                            "fluoxetine",
                            "citalopram",
                            "escitalopram"),
            DrugClass.ANALGESIC_OTHER, List.of("acetaminophen", "lidocaine"));

    private MedicationTranslator() {}

    public static MedicationStatement toFhir(Versioned<Medication> v, UUID patientId) {
        Medication m = v.data();
        MedicationStatement s = new MedicationStatement();
        s.setId(v.entryId().toString());
        s.setStatus(
                switch (m.status()) {
                    case ACTIVE -> MedicationStatement.MedicationStatementStatus.ACTIVE;
                    case ON_HOLD -> MedicationStatement.MedicationStatementStatus.ONHOLD;
                    case STOPPED -> MedicationStatement.MedicationStatementStatus.STOPPED;
                });
        CodeableConcept drug = new CodeableConcept().setText(m.name());
        if (m.rxnormCode() != null) {
            drug.addCoding()
                    .setSystem(Terminology.RXNORM)
                    .setCode(m.rxnormCode())
                    .setDisplay(m.name());
        }
        s.setMedication(drug);
        s.setSubject(new Reference("Patient/" + patientId));
        if (m.startDate() != null) {
            s.setEffective(new Period()
                    .setStartElement(
                            new org.hl7.fhir.r4.model.DateTimeType(m.startDate().toString())));
        }
        s.setDateAssertedElement(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(v.recordedAt())));
        Dosage d = s.addDosage().setText(m.dose() + ", " + m.frequency() + ", " + m.route());
        d.getRoute().setText(m.route());
        return s;
    }

    public static Translation fromRequest(MedicationRequest r) {
        MedicationStatus status =
                switch (r.getStatus() == null ? MedicationRequest.MedicationRequestStatus.NULL : r.getStatus()) {
                    case ACTIVE -> MedicationStatus.ACTIVE;
                    case ONHOLD -> MedicationStatus.ON_HOLD;
                    case STOPPED, COMPLETED, CANCELLED -> MedicationStatus.STOPPED;
                    default -> null;
                };
        if (status == null) {
            return Translation.skip(
                    "status '" + (r.getStatus() == null ? "none" : r.getStatus().toCode())
                            + "' is not a medication the patient takes or took");
        }
        if (!r.hasMedicationCodeableConcept()) {
            return Translation.skip("medication given by reference, not by code");
        }
        return translate(
                r.getMedicationCodeableConcept(),
                r.getDosageInstructionFirstRep(),
                Terminology.date(r.getAuthoredOnElement()),
                status);
    }

    public static Translation fromStatement(MedicationStatement s) {
        MedicationStatus status =
                switch (s.getStatus() == null ? MedicationStatement.MedicationStatementStatus.NULL : s.getStatus()) {
                    case ACTIVE, INTENDED -> MedicationStatus.ACTIVE;
                    case ONHOLD -> MedicationStatus.ON_HOLD;
                    case STOPPED, COMPLETED -> MedicationStatus.STOPPED;
                    default -> null;
                };
        if (status == null) {
            return Translation.skip(
                    "status '" + (s.getStatus() == null ? "none" : s.getStatus().toCode())
                            + "' is not a medication the patient takes or took");
        }
        if (!s.hasMedicationCodeableConcept()) {
            return Translation.skip("medication given by reference, not by code");
        }
        LocalDate start = s.hasEffectivePeriod()
                ? Terminology.start(s.getEffectivePeriod())
                : s.hasEffectiveDateTimeType() ? Terminology.date(s.getEffectiveDateTimeType()) : null;
        return translate(s.getMedicationCodeableConcept(), s.getDosageFirstRep(), start, status);
    }

    private static Translation translate(
            CodeableConcept drug, Dosage dosage, LocalDate start, MedicationStatus status) {
        String name = Terminology.text(drug);
        String rxnorm = Terminology.code(drug, Terminology.RXNORM)
                .filter(c -> c.matches("^[0-9]{1,10}$"))
                .orElse(null);
        if (name == null && rxnorm == null) {
            return Translation.skip("no medication name or RxNorm code");
        }
        if (name == null) {
            name = "RxNorm " + rxnorm;
        }
        return Translation.of(
                EntryKind.MEDICATION,
                new Medication(
                        Terminology.clip(name, 200),
                        rxnorm,
                        drugClass(name),
                        Terminology.clip(Terminology.orNotStated(dose(dosage)), 100),
                        Terminology.clip(Terminology.orNotStated(frequency(dosage)), 100),
                        Terminology.clip(Terminology.orNotStated(Terminology.text(dosage.getRoute())), 50),
                        start,
                        status));
    }

    static DrugClass drugClass(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return INGREDIENTS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(n::contains))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElse(DrugClass.OTHER);
    }

    private static String dose(Dosage d) {
        if (!d.hasDoseAndRate() || !d.getDoseAndRateFirstRep().hasDoseQuantity()) {
            return d.hasText() ? d.getText() : null;
        }
        Quantity q = d.getDoseAndRateFirstRep().getDoseQuantity();
        return q.getValue().stripTrailingZeros().toPlainString() + (q.hasUnit() ? " " + q.getUnit() : "");
    }

    private static String frequency(Dosage d) {
        if (d.hasAsNeededBooleanType() && d.getAsNeededBooleanType().booleanValue()) {
            return "as needed";
        }
        if (!d.hasTiming() || !d.getTiming().hasRepeat()) {
            return null;
        }
        Timing.TimingRepeatComponent r = d.getTiming().getRepeat();
        if (!r.hasFrequency() || !r.hasPeriod() || !r.hasPeriodUnit()) {
            return null;
        }
        return r.getFrequency() + " times per "
                + r.getPeriod().stripTrailingZeros().toPlainString() + " "
                + r.getPeriodUnit().getDisplay().toLowerCase(Locale.ROOT);
    }
}
