package org.relief.fhir.translate;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.relief.portal.Diary.DiaryDay;
import org.relief.record.Versioned;

/**
 * The patient's diary day (issue 13) as Observations: sleep quality (0-10) and minutes of activity. Pain now and the
 * PEG items of the same day are already instrument responses (NRS, PEG) and leave as those. No LOINC code is claimed
 * for either: none was verified against LOINC itself, so each carries Relief's own code ({@value #RELIEF_DIARY})
 * and a text, never a guessed LOINC.
 */
public final class DiaryTranslator {

    /** Relief's local code system for diary items. */
    public static final String RELIEF_DIARY = "urn:relief:diary";

    private DiaryTranslator() {}

    /** The day's Observations (ids: the diary entry's id with "-sleep" / "-activity"); none for an empty item. */
    public static List<Observation> toFhir(Versioned<DiaryDay> v, UUID patientId) {
        DiaryDay d = v.data();
        List<Observation> out = new ArrayList<>();
        if (d.sleepQuality() != null) {
            out.add(observation(
                    v,
                    patientId,
                    "sleep",
                    "sleep-quality",
                    "Sleep quality last night, patient-reported (0 = worst, 10 = best)",
                    new Quantity()
                            .setValue(d.sleepQuality())
                            .setUnit("score")
                            .setSystem(InstrumentTranslator.UCUM)
                            .setCode("{score}")));
        }
        if (d.activityMinutes() != null) {
            out.add(observation(
                    v,
                    patientId,
                    "activity",
                    "activity-minutes",
                    "Minutes of activity that day, patient-reported",
                    new Quantity()
                            .setValue(d.activityMinutes())
                            .setUnit("min")
                            .setSystem(InstrumentTranslator.UCUM)
                            .setCode("min")));
        }
        return out;
    }

    private static Observation observation(
            Versioned<DiaryDay> v, UUID patientId, String suffix, String code, String text, Quantity value) {
        Observation o = new Observation();
        o.setId(v.entryId() + "-" + suffix);
        o.setStatus(v.version() > 1 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        o.addCategory()
                .addCoding()
                .setSystem(InstrumentTranslator.OBSERVATION_CATEGORY)
                .setCode("survey")
                .setDisplay("Survey");
        o.getCode().addCoding().setSystem(RELIEF_DIARY).setCode(code).setDisplay(text);
        o.getCode().setText(text);
        o.setSubject(new Reference("Patient/" + patientId));
        o.addPerformer(new Reference("Patient/" + patientId));
        o.setEffective(new DateTimeType(v.data().day().toString()));
        o.setIssued(Date.from(v.recordedAt()));
        o.setValue(value);
        return o;
    }
}
