package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import org.junit.jupiter.api.Test;

/** The chart's allergy list against what the procedure uses (rules reference section 9b, ACR Manual). */
class AllergyRulesTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    @Test
    void aContrastAllergyWarnsOnAnEsiWithThePremedicationReminderAndTheAcrManualAsSource() {
        var o = allergies(
                order(ProcedureType.ESI_TRANSFORAMINAL),
                history().allergy("Iodinated contrast", "Itching and flushing", "MODERATE"));
        assertThat(o.decision()).isEqualTo(Decision.WARN);
        assertThat(o.reason())
                .contains("Iodinated contrast (Itching and flushing, moderate)")
                .contains("prednisone 50 mg 13, 7 and 1 h before")
                .contains("diphenhydramine 50 mg 1 h before")
                .contains("no contrast")
                .contains("gadolinium-based agent")
                .contains("UNVERIFIED");
        assertThat(o.source()).contains("ACR Manual on Contrast Media").contains("section 9b");
    }

    @Test
    void aContrastAllergyDoesNotWarnOnTriggerPointsWhichUseNoContrast() {
        var h = history().allergy("Iodinated contrast", "Hives", "MODERATE");
        h.triggerPoints = 3;
        assertThat(allergies(order(ProcedureType.TRIGGER_POINT_INJECTION), h).decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void documentedAnaphylaxisToAnIngredientBlocksAndThePhysicianMayOverride() {
        var o = allergies(
                order(ProcedureType.MEDIAL_BRANCH_BLOCK), history().allergy("Lidocaine", "Anaphylaxis", "SEVERE"));
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reason())
                .contains("Documented anaphylaxis")
                .contains("local anaesthetic")
                .contains("amide-class")
                .contains("overrides");
        assertThat(o.rule()).isNotEqualTo(RuleEngine.SAFETY_HOLD_RULE);
        var contrast = allergies(
                order(ProcedureType.ESI_INTERLAMINAR),
                history().allergy("Iohexol (Omnipaque)", "anaphylactic reaction", "SEVERE"));
        assertThat(contrast.decision()).isEqualTo(Decision.BLOCK);
        assertThat(contrast.source()).contains("ACR Manual");
    }

    @Test
    void shellfishOrIodineFoodAllergyIsNotAContrastAllergyAndDoesNotWarn() {
        for (String food : new String[] {"Shellfish", "Iodine", "Seafood (shrimp)"}) {
            var o = allergies(order(ProcedureType.ESI_TRANSFORAMINAL), history().allergy(food, "Hives", "MODERATE"));
            assertThat(o.decision()).as(food).isEqualTo(Decision.ALLOW);
            assertThat(o.reason()).as(food).contains("not a contrast allergy");
        }
    }

    @Test
    void aReactionToAnotherIngredientTheProcedureUsesWarnsNamingIt() {
        assertThat(allergies(
                                order(ProcedureType.ESI_TRANSFORAMINAL),
                                history().allergy("Latex", "Contact dermatitis", "MILD"))
                        .reason())
                .contains("latex");
        var prep = allergies(
                order(ProcedureType.ESI_TRANSFORAMINAL), history().allergy("Povidone-iodine", "Rash", "MILD"));
        assertThat(prep.decision()).isEqualTo(Decision.WARN);
        assertThat(prep.reason()).contains("skin prep");
        var steroid = allergies(
                order(ProcedureType.ESI_TRANSFORAMINAL), history().allergy("Triamcinolone", "Rash", "MODERATE"));
        assertThat(steroid.decision()).isEqualTo(Decision.WARN);
        assertThat(steroid.reason()).contains("corticosteroid");
        var h = history().allergy("Bone cement (PMMA)", "Hypotension", "MODERATE");
        h.nrs = 6;
        var va = new Facts.Order(
                ProcedureType.VERTEBRAL_AUGMENTATION,
                Facts.Region.THORACIC,
                Facts.Side.NONE,
                1,
                RuleTestData.PLANNED,
                Facts.Indication.OTHER,
                null,
                false,
                true,
                null,
                false,
                new Facts.VertebralFindings(true, true, false, false, true, false, false, false, true));
        assertThat(allergies(va, h).reason()).contains("implant material");
    }

    @Test
    void anUnrelatedAllergyIsNotThisRulesConcern() {
        assertThat(allergies(order(ProcedureType.ESI_TRANSFORAMINAL), history().allergy("Penicillin", "Hives", "MILD"))
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(allergies(
                                order(ProcedureType.ESI_TRANSFORAMINAL),
                                history().allergy("Gadolinium contrast", "Hives", "MILD"))
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    private Outcome allergies(Facts.Order order, RuleTestData.H h) {
        return engine.evaluate(order, h.build(), policy).outcomes().stream()
                .filter(o -> o.rule().equals(AllergyRules.RULE))
                .findFirst()
                .orElseThrow();
    }
}
