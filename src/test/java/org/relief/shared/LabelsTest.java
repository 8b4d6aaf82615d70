package org.relief.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relief.evaluation.Findings;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.screening.CandidacyRules;

/** What a person reads for the codes the issue named. */
class LabelsTest {

    @Test
    void codesBecomeLabels() {
        assertThat(Labels.of(Findings.TestKind.EMG_NERVE_CONDUCTION)).isEqualTo("EMG / nerve conduction study");
        assertThat(Labels.of(CandidacyRules.Outcome.CANDIDATE)).isEqualTo("Candidate");
        assertThat(Labels.of(CandidacyRules.Outcome.DEFER_MENTAL_HEALTH)).isEqualTo("Mental health first");
        assertThat(Labels.ofCode("PHQ9_ITEM9")).isEqualTo("PHQ-9 item 9");
        assertThat(Labels.ofCode("SUICIDAL_IDEATION")).isEqualTo("Suicidal ideation");
        assertThat(Labels.ofCode("Office visit")).isEqualTo("Office visit");
        assertThat(Labels.of(Decision.BLOCK)).isEqualTo("Blocked");
        assertThat(Labels.of(Facts.Side.NONE)).isEqualTo("Midline / no side");
        assertThat(Labels.of(Facts.Indication.HERPES_ZOSTER)).isEqualTo("Herpes zoster");
        assertThat(Labels.of(ProcedureType.ESI_CAUDAL)).isEqualTo("Epidural steroid injection, caudal");
        assertThat(Labels.of(null)).isEmpty();
    }

    @Test
    void unrecordedExamFindingsReadNotTested() {
        assertThat(Labels.finding(null)).isEqualTo("not tested");
        assertThat(Labels.finding(Findings.Finding.NOT_DONE)).isEqualTo("not tested");
        assertThat(Labels.finding(Findings.Finding.POSITIVE)).isEqualTo("positive");
    }

    @Test
    void fieldNamesReadAsWords() {
        assertThat(Labels.field("preNrs")).isEqualTo("Pain before (NRS 0-10)");
        assertThat(Labels.field("steroidMg")).isEqualTo("Steroid dose (mg)");
        assertThat(Labels.field("therapies[0].startDate")).isEqualTo("Therapy 1: start date");
        assertThat(Labels.field("goal[1].target")).isEqualTo("Goal 2: target");
        assertThat(Labels.field("painCharacter")).isEqualTo("Pain character");
    }
}
