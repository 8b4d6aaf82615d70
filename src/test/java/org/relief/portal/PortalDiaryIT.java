package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.assessment.InstrumentResponse;
import org.relief.careteam.Actor;
import org.relief.outcomes.Measure;
import org.relief.outcomes.OutcomesService;
import org.relief.portal.Diary.DiaryDay;
import org.relief.portal.Diary.DiaryForm;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily diary: today's entry, its same-day correction as the next version, pain and PEG recorded where the
 * outcomes trajectory reads them, missed days shown as missed (never filled), bad input refused on its field with
 * nothing stored, and the chart's adherence.
 */
@IntegrationTest
class PortalDiaryIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Diary diary;

    @Autowired
    Assessments assessments;

    @Autowired
    OutcomesService outcomes;

    @Autowired
    RecordStore records;

    @Autowired
    RecordKind<DiaryDay> kind;

    @Autowired
    JdbcClient jdbc;

    @Test
    void todaysEntryIsCorrectedTheSameDayAsTheNextVersionAndItsPainReachesTheOutcomes() {
        UUID patient = fixture.patient().create();
        Actor self = patientActor(patient, "diary.first");
        var saved = diary.save(self, patient, form(6, 7, 5, 4, null), null);
        assertThat(saved.version()).isEqualTo(1);
        Actor patel = fixture.actor("dr.patel");
        Map<String, List<InstrumentResponse>> history = assessments.history(patel, patient);
        assertThat(history.get("NRS")).singleElement().satisfies(r -> {
            assertThat(r.total()).isEqualTo(6.0);
            assertThat(r.recordedBy()).isEqualTo("patient:diary.first");
        });
        assertThat(history.get("PEG").get(0).total()).isCloseTo((7 + 5 + 4) / 3.0, within(0.01));
        assertThat(outcomes.analyse(patel, patient, Measure.NRS).series().readings())
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(6.0));

        var corrected = diary.save(self, patient, form(3, 7, 5, 4, 1), null);
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.entryId()).isEqualTo(saved.entryId());
        assertThat(records.history(kind, saved.entryId())).hasSize(2);
        InstrumentResponse nrs = assessments.history(patel, patient).get("NRS").get(0);
        assertThat(nrs.total()).isEqualTo(3.0);
        assertThat(nrs.version()).isEqualTo(2);
        assertThat(outcomes.analyse(patel, patient, Measure.NRS).series().readings())
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(3.0));
    }

    @Test
    void aCorrectionFromAStaleFormChangesNothing() {
        UUID patient = fixture.patient().create();
        Actor self = patientActor(patient, "diary.stale");
        diary.save(self, patient, form(6, 6, 6, 6, null), null);
        diary.save(self, patient, form(5, 6, 6, 6, 1), null);
        assertThatThrownBy(() -> diary.save(self, patient, form(2, 6, 6, 6, 1), null))
                .isInstanceOf(org.relief.shared.VersionConflictException.class);
        assertThat(diary.page(self, patient).todays().data().painNow()).isEqualTo(5);
    }

    @Test
    void missedDaysAreShownAsMissedAndNeverFilled() {
        UUID patient = fixture.patient().create();
        Actor self = patientActor(patient, "diary.missed");
        LocalDate today = LocalDate.now();
        records.insertFirst(
                kind,
                patient,
                UUID.randomUUID(),
                new DiaryDay(today.minusDays(3), 5, 5, 5, 5, 5, 10, List.of(), null, List.of(), null, null, null),
                "patient:diary.missed");
        var page = diary.page(self, patient);
        assertThat(page.days())
                .extracting(Diary.Day::day)
                .containsExactly(today, today.minusDays(1), today.minusDays(2), today.minusDays(3));
        assertThat(page.days().get(0).missed()).as("today is not yet missed").isFalse();
        assertThat(page.days().get(1).missed()).isTrue();
        assertThat(page.days().get(2).missed()).isTrue();
        assertThat(page.days().get(3).missed()).isFalse();
        // only today can be written: saving writes today's entry, the missed days stay empty
        diary.save(self, patient, form(4, 4, 4, 4, null), null);
        assertThat(records.current(kind, patient))
                .extracting(v -> v.data().day())
                .containsExactlyInAnyOrder(today, today.minusDays(3));

        var adherence = diary.adherence(fixture.actor("dr.patel"), patient);
        assertThat(adherence.daysWithEntry()).isEqualTo(2);
        assertThat(adherence.daysCounted()).isEqualTo(4);
        assertThat(adherence.latest()).hasSize(2);
    }

    @Test
    void badInputIsNamedOnItsFieldAndChangesNothing() {
        UUID patient = fixture.patient().create();
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, "diary.bad");
        Http http = PortalSupport.session(port, "diary.bad");
        String page = "/portal/patients/" + patient + "/diary";
        Map<String, String> good = Map.of(
                "painNow", "4",
                "painAverage", "5",
                "enjoyment", "3",
                "generalActivity", "3",
                "sleepQuality", "6",
                "activityMinutes", "20");
        for (var bad : List.of(
                Map.entry("painNow", "11"),
                Map.entry("sleepQuality", "-1"),
                Map.entry("activityMinutes", "abc"),
                Map.entry("painAverage", "5".repeat(10_000)))) {
            Map<String, String> fields = new java.util.HashMap<>(good);
            fields.put(bad.getKey(), bad.getValue());
            HttpResponse<String> r = PortalSupport.post(http, page, page, fields);
            assertThat(r.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(r.body()).as(bad.getKey()).contains("id=\"" + bad.getKey() + "-error\"");
        }
        Map<String, String> unknownMedicine = new java.util.HashMap<>(good);
        unknownMedicine.put("medicationsTaken", UUID.randomUUID().toString());
        assertThat(PortalSupport.post(http, page, page, unknownMedicine).statusCode())
                .isEqualTo(400);
        assertThat(records.current(kind, patient)).isEmpty();
        assertThat(assessments.history(fixture.actor("dr.patel"), patient)).doesNotContainKey("NRS");

        HttpResponse<String> ok = PortalSupport.post(http, page, page, good);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("Saved. Thank you.");
        assertThat(records.current(kind, patient)).hasSize(1);
    }

    @Test
    void staffReadTheDiaryButNeverWriteIt() {
        UUID patient = fixture.patient().create();
        assertThatThrownBy(() -> diary.save(fixture.actor("dr.patel"), patient, form(5, 5, 5, 5, null), null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(records.current(kind, patient)).isEmpty();
        assertThatThrownBy(
                        () -> diary.save(patientActor(patient, "diary.self"), patient, form(12, 5, 5, 5, null), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theChartShowsAdherenceAndTheLatestEntries() {
        UUID patient = fixture.patient().create();
        diary.save(patientActor(patient, "diary.chart"), patient, form(6, 5, 4, 3, null), null);
        Http staff = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> panel = staff.get("/patients/" + patient + "/portal/panel");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("Diary kept on").contains("1 of 1").contains("6 / 5");
    }

    @Test
    void aRisingPegShowsOnTheTeamsDashboardAuditedPerPatient() {
        UUID patient = fixture.patient().create();
        patientActor(patient, "diary.rising");
        LocalDate today = LocalDate.now();
        for (int i = 13; i >= 1; i--) {
            int level = i >= 7 ? 3 : 6;
            records.insertFirst(
                    kind,
                    patient,
                    UUID.randomUUID(),
                    DiarySignalsTest.day(today.minusDays(i), level, level, level),
                    "patient:diary.rising");
        }
        Http staff = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
        HttpResponse<String> signals = staff.get("/diary/signals");
        assertThat(signals.body()).contains("/patients/" + patient).contains("PEG up 3.0 points over a week");
        assertThat(jdbc.sql("select count(*) from audit_event where id > ? and patient_id = ? and what like ?")
                        .params(before, patient, "%diary signals%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // off the team: not shown
        assertThat(Http.session(port, "acu.chen", IntegrationTest.DEMO_PASSWORD)
                        .get("/diary/signals")
                        .body())
                .doesNotContain("/patients/" + patient);
    }

    private Actor patientActor(UUID patient, String username) {
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, username);
        var principal = accounts.principal(username).orElseThrow();
        return principal.toActor("127.0.0.1");
    }

    private static DiaryForm form(int now, int average, int enjoyment, int activity, Integer version) {
        return new DiaryForm(now, average, enjoyment, activity, 6, 30, List.of(), null, List.of(), null, version);
    }
}
