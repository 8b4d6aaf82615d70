package org.relief.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a clinic-wide search may ask: one person's identity, never a letter or a part of a name. */
class PatientSearchTest {

    @Test
    void aLetterAPartOfANameOrANameWithoutItsBirthDateIsRefusedClinicWide() {
        for (String q : new String[] {
            "", "a", "T", "Ten", "Tenyear", "Dana Tenyear", "1961-04-02", "Tenyear 1961-04-02", "R1", "12"
        }) {
            assertThat(PatientSearch.clinic(q, 200).refused()).as(q).isTrue();
        }
    }

    @Test
    void theFullNameWithTheBirthDateOrTheRecordNumberIsAskedExactly() {
        var byName = PatientSearch.clinic("Tenyear, Dana 1961-04-02", 50);
        assertThat(byName.refused()).isFalse();
        assertThat(byName.sql()).doesNotContain("like");
        assertThat(byName.args()).containsExactly(LocalDate.of(1961, 4, 2), "tenyear dana", "tenyear dana");

        var byMrn = PatientSearch.clinic("r1042", 50);
        assertThat(byMrn.sql()).contains("s.mrn = ?").doesNotContain("like");
        assertThat(byMrn.args()).containsExactly("R1042");
    }

    @Test
    void ownPatientsAreFoundByAnyPartOfTheName() {
        UUID me = UUID.randomUUID();
        var search = PatientSearch.mine(me, "ten", 500);
        assertThat(search.refused()).isFalse();
        // her own rows (care_team_patient), not a trigram match over the whole clinic
        assertThat(search.sql())
                .contains("from care_team_patient p")
                .contains("like ?")
                .endsWith("limit 200");
        assertThat(search.args()).containsExactly(me, "%ten%");
    }

    @Test
    void aBirthDateOrARecordNumberIsLookedUpAndEachMatchCheckedAgainstTheTeam() {
        UUID me = UUID.randomUUID();
        var byDate = PatientSearch.mine(me, "1961-04-02", 50);
        assertThat(byDate.sql())
                .contains("s.birth_date = ?")
                .contains("care_team_member")
                .doesNotContain("like");
        assertThat(byDate.args()).containsExactly(me, LocalDate.of(1961, 4, 2));
        var byMrn = PatientSearch.mine(me, "r1042", 50);
        assertThat(byMrn.sql()).contains("s.mrn = ?").doesNotContain("like");
        assertThat(byMrn.args()).containsExactly(me, "R1042");
    }

    @Test
    void everyWordMustMatchAndWildcardsAreTakenLiterally() {
        UUID me = UUID.randomUUID();
        var search = PatientSearch.mine(me, "Ten, 50%_a\\", 50);
        assertThat(search.args()).containsExactly(me, "%ten%", "%50\\%\\_a\\\\%");
    }
}
