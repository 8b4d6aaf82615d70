package org.relief.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.EntryKind;
import org.relief.patient.Medication;
import org.relief.patient.Patients;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine's contract on a real table (the chart's medications): versions only ever added, stale writes refused. */
@IntegrationTest
class RecordStoreIT {

    private static final RecordKind<Medication> KIND = EntryKind.MEDICATION.record();

    @Autowired
    RecordStore records;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    UUID patientId;

    @BeforeEach
    void registerPatient() {
        var physician = Fixtures.actor(staff, "dr.patel");
        patientId = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
    }

    @Test
    void currentUnlessKeptReadsWholeOnlyWhatTheReaderDoesNotKeep() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        records.insertFirst(KIND, patientId, a, Fixtures.oxycodone("5 mg"), "dr.patel");
        records.insertFirst(KIND, patientId, b, Fixtures.oxycodone("10 mg"), "dr.patel");
        records.insertFirst(KIND, patientId, c, Fixtures.oxycodone("15 mg"), "dr.patel");
        records.voidEntry(KIND, c, 1, "entered in error", "dr.patel");

        // nothing kept: the same versions, in the same order, as current, each whole
        var all = records.currentUnlessKept(KIND, patientId, (entry, version) -> false);
        assertThat(all)
                .extracting(KeyedVersion::entryId)
                .containsExactlyElementsOf(records.current(KIND, patientId).stream()
                        .map(Versioned::entryId)
                        .toList());
        assertThat(all).extracting(v -> v.whole().data().dose()).containsExactlyInAnyOrder("5 mg", "10 mg");

        // a's version 1 kept: a comes as its key alone, b whole; after a correction a's version 2 is read whole
        var some = records.currentUnlessKept(KIND, patientId, (entry, version) -> entry.equals(a) && version == 1);
        assertThat(some).filteredOn(v -> v.entryId().equals(a)).singleElement().satisfies(v -> {
            assertThat(v.kept()).isTrue();
            assertThat(v.version()).isEqualTo(1);
        });
        assertThat(some)
                .filteredOn(v -> v.entryId().equals(b))
                .singleElement()
                .satisfies(v -> assertThat(v.whole().data().dose()).isEqualTo("10 mg"));
        records.insertNext(KIND, a, 1, Fixtures.oxycodone("7.5 mg"), "dose changed", "dr.patel");
        assertThat(records.currentUnlessKept(KIND, patientId, (entry, version) -> entry.equals(a) && version == 1))
                .filteredOn(v -> v.entryId().equals(a))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.version()).isEqualTo(2);
                    assertThat(v.whole().data().dose()).isEqualTo("7.5 mg");
                });
    }

    @Test
    void newestIsTheStartOfCurrentWithTheTotal() {
        assertThat(records.newest(KIND, patientId, 3)).isEqualTo(new Newest<>(List.of(), 0));
        List<UUID> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID entry = UUID.randomUUID();
            records.insertFirst(KIND, patientId, entry, Fixtures.oxycodone((i + 1) * 5 + " mg"), "dr.patel");
            entries.add(entry);
        }
        records.insertNext(KIND, entries.get(1), 1, Fixtures.oxycodone("12.5 mg"), "dose changed", "dr.patel");
        records.voidEntry(KIND, entries.get(2), 1, "entered on the wrong chart", "dr.patel");
        var current = records.current(KIND, patientId);
        assertThat(current).hasSize(4);

        var two = records.newest(KIND, patientId, 2);
        assertThat(two.rows()).containsExactlyElementsOf(current.subList(0, 2));
        assertThat(two.total()).isEqualTo(4);
        assertThat(two.cut()).isTrue();

        var all = records.newest(KIND, patientId, Integer.MAX_VALUE);
        assertThat(all.rows()).containsExactlyElementsOf(current);
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.cut()).isFalse();
        assertThat(all.rows())
                .filteredOn(v -> v.entryId().equals(entries.get(1)))
                .singleElement()
                .satisfies(v -> assertThat(v.version()).isEqualTo(2));

        assertThatThrownBy(() -> records.newest(KIND, patientId, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsSentTogetherGiveWhatEachReadGivesAlone() {
        UUID other = patients.register(
                        Fixtures.actor(staff, "desk.miller"),
                        Fixtures.registration(Fixtures.actor(staff, "dr.patel").staffId()))
                .id();
        List<UUID> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID entry = UUID.randomUUID();
            records.insertFirst(KIND, patientId, entry, Fixtures.oxycodone((i + 1) * 5 + " mg"), "dr.patel");
            entries.add(entry);
        }
        records.insertNext(KIND, entries.get(0), 1, Fixtures.oxycodone("7.5 mg"), "dose changed", "dr.patel");
        records.voidEntry(KIND, entries.get(2), 1, "entered on the wrong chart", "dr.patel");
        records.insertFirst(KIND, other, UUID.randomUUID(), Fixtures.oxycodone("20 mg"), "dr.patel");

        Reads reads = records.reads();
        var current = reads.current(KIND, patientId);
        var newest = reads.newest(KIND, patientId, 1);
        var none = reads.newest(KIND, UUID.randomUUID(), 5);
        var othersCurrent = reads.current(KIND, other);
        var mrn = reads.query(
                "select mrn from patient_summary where patient_id = ?", (rs, n) -> rs.getString(1), patientId);
        assertThatThrownBy(current::get).isInstanceOf(IllegalStateException.class); // not yet run
        reads.run();

        assertThat(current.get()).isEqualTo(records.current(KIND, patientId)).hasSize(2);
        assertThat(current.get()).extracting(v -> v.data().dose()).containsExactlyInAnyOrder("7.5 mg", "10 mg");
        assertThat(newest.get()).isEqualTo(records.newest(KIND, patientId, 1));
        assertThat(newest.get().total()).isEqualTo(2);
        assertThat(none.get()).isEqualTo(new Newest<>(List.of(), 0));
        assertThat(othersCurrent.get()).extracting(v -> v.data().dose()).containsExactly("20 mg");
        assertThat(mrn.get()).containsExactly(patients.summary(patientId).mrn());

        assertThatThrownBy(reads::run).isInstanceOf(IllegalStateException.class); // once
        assertThatThrownBy(() -> records.reads().query("select 1; select 2", (rs, n) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
        Reads empty = records.reads();
        empty.run(); // nothing added: nothing sent
    }

    @Test
    void versionsAreAddedNeverRewrittenAndAStaleWriteStoresNothing() {
        UUID entry = UUID.randomUUID();
        var v1 = records.insertFirst(KIND, patientId, entry, Fixtures.oxycodone("5 mg"), "dr.patel");
        var v2 = records.insertNext(KIND, entry, 1, Fixtures.oxycodone("10 mg"), "dose increased", "dr.patel");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.changeReason()).isEqualTo("dose increased");

        // a second writer still holding version 1
        assertThatThrownBy(() -> records.insertNext(KIND, entry, 1, Fixtures.oxycodone("2.5 mg"), "stale", "dr.other"))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.currentVersion()).isEqualTo(2);
                    assertThat(e.changedBy()).isEqualTo("dr.patel");
                });
        // creating an entry that exists is the same conflict, from version 0
        assertThatThrownBy(() -> records.insertFirst(KIND, patientId, entry, Fixtures.oxycodone("1 mg"), "x"))
                .isInstanceOfSatisfying(
                        VersionConflictException.class,
                        e -> assertThat(e.expectedVersion()).isZero());
        assertThatThrownBy(() -> records.insertNext(KIND, UUID.randomUUID(), 1, Fixtures.oxycodone("1 mg"), "r", "x"))
                .isInstanceOf(NotFoundException.class);

        assertThat(records.history(KIND, entry))
                .extracting(v -> v.data().dose())
                .containsExactly("10 mg", "5 mg");
        assertThat(records.latest(KIND, entry))
                .get()
                .satisfies(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(records.current(KIND, patientId))
                .extracting(Versioned::entryId)
                .containsExactly(entry);
        assertThat(records.patientOf(KIND, entry)).contains(patientId);
        assertThat(rows(entry)).isEqualTo(2);
    }

    @Test
    void aVoidIsTheNextVersionAndLeavesTheCurrentList() {
        UUID entry = UUID.randomUUID();
        records.insertFirst(KIND, patientId, entry, Fixtures.oxycodone("5 mg"), "dr.patel");
        assertThatThrownBy(() -> records.voidEntry(KIND, entry, 0, "stale", "dr.patel"))
                .isInstanceOf(VersionConflictException.class);

        var voided = records.voidEntry(KIND, entry, 1, "entered on the wrong chart", "dr.patel");
        assertThat(voided.version()).isEqualTo(2);
        assertThat(voided.voided()).isTrue();
        assertThat(voided.voidReason()).isEqualTo("entered on the wrong chart");
        assertThat(voided.data().dose()).isEqualTo("5 mg");
        assertThat(records.current(KIND, patientId))
                .extracting(Versioned::entryId)
                .doesNotContain(entry);
        assertThat(records.history(KIND, entry)).hasSize(2);
        assertThat(rows(entry)).isEqualTo(2);
    }

    private long rows(UUID entry) {
        return jdbc.sql("select count(*) from medication where entry_id = ?")
                .param(entry)
                .query(Long.class)
                .single();
    }
}
