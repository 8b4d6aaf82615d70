package org.relief.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.fhir.translate.DiaryTranslator;
import org.relief.portal.Diary;
import org.relief.portal.PortalAccounts;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient's diary in {@code $everything} (issue 13): a day's sleep quality and minutes of activity leave as two
 * Observations under Relief's own diary codes, performed by the patient, valid R4 with no error; a same-day
 * correction leaves as the amended values (pain and PEG of the day leave as the NRS and PEG scores they are).
 */
@IntegrationTest
class FhirDiaryIT {

    private static final String PASSWORD = "quiet river morning 42";

    @Autowired
    FhirExport export;

    @Autowired
    FhirValidation validation;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Diary diary;

    private static Diary.DiaryForm form(int sleep, int minutes, Integer version) {
        return new Diary.DiaryForm(4, 5, 3, 3, sleep, minutes, List.of(), null, List.of(), null, version);
    }

    @Test
    void sleepAndActivityLeaveAsValidObservationsOfTheDay() {
        UUID patient = fixture.patient().create();
        Actor patel = fixture.actor("dr.patel");
        var invitation = accounts.invite(patel, patient);
        accounts.accept(invitation.code(), "fhir.diary", PASSWORD, PASSWORD, "127.0.0.1");
        Actor self = accounts.principal("fhir.diary").orElseThrow().toActor("127.0.0.1");
        diary.save(self, patient, form(6, 30, null), null);
        var corrected = diary.save(self, patient, form(7, 45, 1), null);

        List<Resource> everything = export.everything(patel, patient);
        List<Observation> diaryObservations = everything.stream()
                .filter(r -> r instanceof Observation)
                .map(r -> (Observation) r)
                .filter(o -> o.getCode().getCodingFirstRep().getSystem().equals(DiaryTranslator.RELIEF_DIARY))
                .toList();
        assertThat(diaryObservations)
                .extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactly("sleep-quality", "activity-minutes");
        Observation sleep = diaryObservations.get(0);
        assertThat(sleep.getIdPart()).isEqualTo(corrected.entryId() + "-sleep");
        assertThat(sleep.getValueQuantity().getValue().intValue()).isEqualTo(7);
        assertThat(sleep.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(sleep.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + patient);
        assertThat(sleep.getEffectiveDateTimeType().getValueAsString())
                .isEqualTo(corrected.data().day().toString());
        Observation activity = diaryObservations.get(1);
        assertThat(activity.getValueQuantity().getValue().intValue()).isEqualTo(45);
        assertThat(activity.getValueQuantity().getCode()).isEqualTo("min");
        // the search by type serves them too
        assertThat(export.ofType(patel, patient, "Observation"))
                .extracting(Resource::getIdPart)
                .contains(corrected.entryId() + "-sleep", corrected.entryId() + "-activity");

        List<String> errors = new ArrayList<>();
        diaryObservations.forEach(o -> validation.errors(o).forEach(e -> errors.add(o.getIdPart() + " " + e)));
        assertThat(errors).isEmpty();
    }
}
