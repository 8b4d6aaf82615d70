package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.outcome;

import org.junit.jupiter.api.Test;

/** Kyphoplasty / vertebroplasty with the numbers of the rules reference, section 6 (LCD L38201 family). */
class VertebralAugmentationRulesTest {

    private static final String RULE = "Vertebral augmentation";

    /**
     * An imaging-confirmed fracture; no absolute contraindication (pregnancy among them); NRS at least 5 for
     * outpatients; worsening pain or at least 2 of: height loss over 25%, kyphotic deformity, Roland-Morris over 17.
     */
    @Test
    void vertebralAugmentationNeedsImagingPainAndCriteria() {
        var none = new Facts.VertebralFindings(false, true, false, false, true, false, false, false, true);
        var yes = new Facts.VertebralFindings(true, true, false, false, true, false, false, false, true);
        var h = history();
        h.nrs = 5;
        assertThat(outcome(va(none), h, RULE).decision()).isEqualTo(Decision.BLOCK);
        assertThat(outcome(va(yes), h, RULE).decision()).isEqualTo(Decision.ALLOW);
        h.nrs = 4;
        assertThat(outcome(va(yes), h, RULE).decision()).isEqualTo(Decision.BLOCK);
        var pregnant = new Facts.VertebralFindings(true, true, false, true, true, false, false, false, true);
        h.nrs = 8;
        assertThat(outcome(va(pregnant), h, RULE).reason()).contains("pregnancy");
        var twoOf = new Facts.VertebralFindings(true, true, false, false, false, true, false, false, true);
        h.rmdq = 18;
        assertThat(outcome(va(twoOf), h, RULE).decision()).isEqualTo(Decision.ALLOW);
        h.rmdq = 17;
        assertThat(outcome(va(twoOf), h, RULE).decision()).isEqualTo(Decision.BLOCK);
    }

    /** "Also required: referral for bone density / osteoporosis care"; a relative contraindication only warns. */
    @Test
    void vertebralAugmentationWithoutTheRequiredBoneHealthReferralIsABlock() {
        var noReferral = new Facts.VertebralFindings(true, true, false, false, true, false, false, false, false);
        var h = history();
        h.nrs = 6;
        var r = outcome(va(noReferral), h, RULE);
        assertThat(r.decision()).isEqualTo(Decision.BLOCK);
        assertThat(r.reason()).contains("bone density");
        var relative = new Facts.VertebralFindings(true, true, false, false, true, false, false, true, true);
        assertThat(outcome(va(relative), h, RULE).decision()).isEqualTo(Decision.WARN);
    }

    private static Facts.Order va(Facts.VertebralFindings v) {
        return new Facts.Order(
                ProcedureType.VERTEBRAL_AUGMENTATION,
                Facts.Region.THORACIC,
                Facts.Side.NONE,
                1,
                PLANNED,
                Facts.Indication.OTHER,
                null,
                false,
                true,
                null,
                false,
                v);
    }
}
