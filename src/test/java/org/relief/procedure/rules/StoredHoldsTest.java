package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.procedure.rules.Facts.Thinner;
import org.relief.procedure.rules.StoredHolds.Instruction;
import org.relief.procedure.rules.StoredHolds.Kind;

/**
 * The patient's blood-thinner instructions read back from the reason the engine stores: the same dates the rule
 * gave (rules reference section 9, Narouze et al. 2018: warfarin 5 days for intermediate risk, restart 6 hours;
 * aspirin 6 days for high risk), and "ask your care team" for whatever the rule leaves to the prescriber.
 */
class StoredHoldsTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    private String reason(Facts.Order order, RuleTestData.H h) {
        return engine.evaluate(order, h.build(), policy).outcomes().stream()
                .filter(o -> o.rule().equals(StoredHolds.RULE))
                .findFirst()
                .orElseThrow()
                .reason();
    }

    @Test
    void eachMedicineOfTheStoredReasonComesBackWithTheRulesDates() {
        var h = history();
        h.thinners.add(new Thinner("Warfarin sodium 5 MG Oral Tablet", true, null));
        h.thinners.add(new Thinner("Naproxen sodium 220 MG Oral Tablet", true, null));
        h.thinners.add(new Thinner("Heparin sodium 5000 UNT/ML", true, null));
        h.thinners.add(new Thinner("Apixaban 2.5 MG Oral Tablet", true, null));
        h.thinners.add(new Thinner("Fooxaban", true, null));
        List<Instruction> read = StoredHolds.read(reason(order(ProcedureType.ESI_INTERLAMINAR), h));

        assertThat(read).hasSize(5);
        Instruction warfarin = read.get(0);
        assertThat(warfarin.medicine()).isEqualTo("Warfarin sodium 5 MG Oral Tablet");
        assertThat(warfarin.kind()).isEqualTo(Kind.HOLD);
        assertThat(warfarin.days()).isEqualTo(5);
        assertThat(warfarin.noDoseFrom()).isEqualTo(PLANNED.minusDays(5));
        assertThat(warfarin.lastDose()).isEqualTo(PLANNED.minusDays(6));
        assertThat(warfarin.restart()).isEqualTo("6 hours");
        assertThat(warfarin.note()).isEqualTo("and a normal INR on the day");
        assertThat(warfarin.plainNote()).isEqualTo("A normal INR on the day");
        assertThat(read.get(1))
                .extracting(Instruction::medicine, Instruction::kind)
                .containsExactly("Naproxen sodium 220 MG Oral Tablet", Kind.NO_HOLD);
        assertThat(read.get(2))
                .extracting(Instruction::medicine, Instruction::kind)
                .containsExactly("Heparin sodium 5000 UNT/ML", Kind.ASK);
        // apixaban has no fixed hold for intermediate risk in the table: the prescriber decides, no date shown
        assertThat(read.get(3))
                .extracting(Instruction::medicine, Instruction::kind, Instruction::lastDose)
                .containsExactly("Apixaban 2.5 MG Oral Tablet", Kind.ASK, null);
        assertThat(read.get(4))
                .extracting(Instruction::medicine, Instruction::kind)
                .containsExactly("Fooxaban", Kind.ASK);
    }

    @Test
    void aHeldMedicineAndACategoryWithAColonAndANoteWithAColonAreReadToo() {
        var h = history();
        h.thinners.add(new Thinner("Warfarin", false, PLANNED.minusDays(9)));
        List<Instruction> caudal = StoredHolds.read(reason(order(ProcedureType.ESI_CAUDAL), h));
        assertThat(caudal).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.HOLD);
            assertThat(i.medicine()).isEqualTo("Warfarin");
            assertThat(i.noDoseFrom()).isEqualTo(PLANNED.minusDays(5));
        });

        var a = history();
        a.thinners.add(new Thinner("Aspirin 81 MG", true, null));
        List<Instruction> scs = StoredHolds.read(reason(order(ProcedureType.SCS_TRIAL), a));
        assertThat(scs).singleElement().satisfies(i -> {
            assertThat(i.days()).isEqualTo(6);
            assertThat(i.noDoseFrom()).isEqualTo(PLANNED.minusDays(6));
            assertThat(i.restart()).isEqualTo("24 hours");
            assertThat(i.note()).contains("secondary prevention: decide with the prescriber");
        });
    }

    @Test
    void noThinnerIsNothingToDoAndAnUnknownSentenceIsAskNeverAGuess() {
        assertThat(StoredHolds.read(reason(order(ProcedureType.ESI_INTERLAMINAR), history())))
                .isEmpty();
        assertThat(StoredHolds.read(null)).isEmpty();
        assertThat(StoredHolds.read("Something the engine wrote in another version."))
                .singleElement()
                .extracting(Instruction::medicine, Instruction::kind)
                .containsExactly(null, Kind.ASK);
    }
}
