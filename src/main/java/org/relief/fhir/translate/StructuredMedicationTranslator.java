package org.relief.fhir.translate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.relief.medication.DoseUnit;
import org.relief.medication.Ingredient;
import org.relief.medication.Medication;
import org.relief.medication.Medications;
import org.relief.medication.Sig;

/**
 * A structured medication as FHIR R4: a MedicationStatement (what the patient takes), and for one the clinic
 * prescribed also a MedicationRequest (intent "order"), both with the sig as a structured Dosage: timing (times a day,
 * or every N hours), doseAndRate (the dose quantity: UCUM for mg, mcg and mL, the unit in words for a tablet, capsule,
 * patch, film or application), asNeeded, and maxDosePerPeriod (the most a day). The medication is its name in words,
 * with an RxNorm coding only for a single-ingredient medication whose ingredient code is verified in the catalogue
 * (none is yet: never guessed). The route is given in words (no coded route is kept).
 */
public final class StructuredMedicationTranslator {

    private static final String UCUM = "http://unitsofmeasure.org";

    private StructuredMedicationTranslator() {}

    public static MedicationStatement statement(Medications.Entry e, UUID patientId, LocalDate today) {
        Medication m = e.medication();
        MedicationStatement s = new MedicationStatement();
        s.setId(e.entryId().toString());
        s.setStatus(
                m.takenOn(today)
                        ? MedicationStatement.MedicationStatementStatus.ACTIVE
                        : m.stop() != null
                                ? MedicationStatement.MedicationStatementStatus.STOPPED
                                : MedicationStatement.MedicationStatementStatus.INTENDED);
        s.setMedication(drug(m));
        s.setSubject(new Reference("Patient/" + patientId));
        Period effective = new Period();
        if (m.start() != null) {
            effective.setStartElement(new DateTimeType(m.start().toString()));
        }
        if (m.stop() != null) {
            effective.setEndElement(new DateTimeType(m.stop().toString()));
        }
        if (effective.hasStart() || effective.hasEnd()) {
            s.setEffective(effective);
        }
        s.setDateAssertedElement(new DateTimeType(Date.from(e.recordedAt())));
        if (m.prescriber() != null && !m.prescriber().ours()) {
            s.setInformationSource(new Reference().setDisplay(m.prescriber().name()));
        }
        if (e.structures() != null) { // the free-text entry it structures stays on the chart, and in the export
            s.addDerivedFrom(new Reference("MedicationStatement/" + e.structures()));
        }
        if (m.indication() != null && !m.indication().isBlank()) {
            s.addReasonCode(new CodeableConcept().setText(m.indication()));
        }
        if (e.stopReason() != null) {
            s.addStatusReason(new CodeableConcept().setText(e.stopReason()));
        }
        s.addDosage(dosage(e));
        return s;
    }

    /** The order, for a medication one of the clinic's prescribers prescribed. */
    public static MedicationRequest request(Medications.Entry e, UUID patientId, LocalDate today) {
        Medication m = e.medication();
        MedicationRequest r = new MedicationRequest();
        r.setId(e.entryId().toString());
        r.setStatus(
                m.takenOn(today)
                        ? MedicationRequest.MedicationRequestStatus.ACTIVE
                        : m.stop() != null
                                ? MedicationRequest.MedicationRequestStatus.STOPPED
                                : MedicationRequest.MedicationRequestStatus.DRAFT);
        r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        r.setMedication(drug(m));
        r.setSubject(new Reference("Patient/" + patientId));
        r.setAuthoredOnElement(new DateTimeType(Date.from(e.recordedAt())));
        r.setRequester(new Reference().setDisplay(m.prescriber().name()));
        if (m.indication() != null && !m.indication().isBlank()) {
            r.addReasonCode(new CodeableConcept().setText(m.indication()));
        }
        r.addDosageInstruction(dosage(e));
        return r;
    }

    private static CodeableConcept drug(Medication m) {
        CodeableConcept drug = new CodeableConcept().setText(m.name());
        if (m.ingredients().size() == 1) {
            Ingredient i = m.ingredients().get(0);
            if (i.rxnormCode() != null) {
                drug.addCoding()
                        .setSystem(Terminology.RXNORM)
                        .setCode(i.rxnormCode())
                        .setDisplay(i.name());
            }
        }
        return drug;
    }

    static Dosage dosage(Medications.Entry e) {
        Medication m = e.medication();
        Sig sig = m.sig();
        Dosage d = new Dosage().setText(e.sigWords());
        d.setRoute(new CodeableConcept().setText(m.route().label()));
        if (sig == null) {
            return d;
        }
        Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent();
        if (sig.timesPerDay() != null) {
            repeat.setFrequency(sig.timesPerDay()).setPeriod(BigDecimal.ONE).setPeriodUnit(Timing.UnitsOfTime.D);
        } else if (sig.everyHours() != null) {
            repeat.setFrequency(1).setPeriod(sig.everyHours()).setPeriodUnit(Timing.UnitsOfTime.H);
        }
        if (repeat.hasFrequency()) {
            d.setTiming(new Timing().setRepeat(repeat));
        }
        d.setAsNeeded(new BooleanType(sig.asNeeded()));
        if (sig.doseQuantity() != null && sig.doseUnit() != null) {
            d.addDoseAndRate().setDose(quantity(sig.doseQuantity(), sig.doseUnit()));
        }
        if (sig.maxPerDay() != null && sig.doseUnit() != null) {
            d.setMaxDosePerPeriod(new Ratio()
                    .setNumerator(quantity(sig.maxPerDay(), sig.doseUnit()))
                    .setDenominator(new Quantity()
                            .setValue(BigDecimal.ONE)
                            .setUnit("day")
                            .setSystem(UCUM)
                            .setCode("d")));
        }
        return d;
    }

    private static Quantity quantity(BigDecimal value, DoseUnit unit) {
        Quantity q = new Quantity().setValue(value.stripTrailingZeros());
        String ucum = switch (unit) {
            case MG -> "mg";
            case MCG -> "ug";
            case ML -> "mL";
            default -> null;
        };
        if (ucum == null) {
            return q.setUnit(unit.words(value));
        }
        return q.setUnit(unit.label()).setSystem(UCUM).setCode(ucum);
    }
}
