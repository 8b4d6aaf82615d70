package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/** The sig picker: common sig text into data, data back into words, and a clear problem instead of a guess. */
class SigTextTest {

    @Test
    void readsTheIssuesExample() {
        Sig sig = SigText.parse("1 tab q6h prn, max 4/day");
        assertThat(sig)
                .isEqualTo(
                        new Sig(BigDecimal.ONE, DoseUnit.TABLET, null, new BigDecimal("6"), true, new BigDecimal("4")));
        assertThat(sig.words()).isEqualTo("1 tablet every 6 hours as needed, at most 4 a day");
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 tab q6h prn, max 4/day        | 1 tablet every 6 hours as needed, at most 4 a day",
                "2 caps bid                      | 2 capsules twice a day",
                "1 patch q72h                    | 1 patch every 72 hours",
                "10 mL tid                       | 10 mL three times a day",
                "1 tablet po daily               | 1 tablet once a day",
                "1 TAB PO QHS.                   | 1 tablet once a day",
                "1/2 tab qid                     | 0.5 tablet four times a day",
                "1 cap q 8 hrs                   | 1 capsule every 8 hours",
                "1 film sl every 12 hours        | 1 film every 12 hours",
                "1 patch every 3 days            | 1 patch every 72 hours",
                "5 mg 5 times a day              | 5 mg 5 times a day",
                "1 tab 3x/day                    | 1 tablet three times a day",
                "2 tabs q4h as needed for pain, maximum 8 tabs per 24 hours | 2 tablets every 4 hours as needed, at most 8 a day",
                "1 tab prn q6h max 4 per day     | 1 tablet every 6 hours as needed, at most 4 a day",
                "1 tab every hour                | 1 tablet every hour",
                "1 tab prn, max 4/day            | 1 tablet as needed, at most 4 a day"
            })
    void readsCommonSigsAndSaysThemInWords(String text, String words) {
        assertThat(SigText.parse(text).words()).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "1 tablet every 6 hours as needed, at most 4 a day",
                "2 capsules twice a day",
                "1 patch every 72 hours",
                "10 mL three times a day",
                "0.5 tablet four times a day",
                "1 tablet once a day",
                "5 mg 5 times a day",
                "1 film every hour",
                "2 tablets as needed, at most 6 a day"
            })
    void readsBackWhatItWrites(String words) {
        assertThat(SigText.render(SigText.parse(words))).isEqualTo(words);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                              | write the directions",
                "take one as directed            | start with the dose",
                "1 tab q6h with food             | could not read \"with food\"",
                "1-2 tabs q6h prn max 6/day      | a dose range",
                "1 q6h                           | give the unit of the dose",
                "1 tab                           | say how often",
                "1 tab q6h prn                   | an as-needed dose needs a maximum per day",
                "1 tab q6h prn max 40 mg/day     | the maximum per day is in mg but the dose is in tablet",
                "0 tab bid                       | the dose must be more than 0",
                "1 tab bid tid                   | could not read \"tid\""
            })
    void refusesWhatItCannotReadNamingTheSigField(String text, String message) {
        assertThatThrownBy(() -> SigText.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    List<FieldProblem> problems = ((InvalidInputException) e).problems();
                    assertThat(problems).extracting(FieldProblem::field).containsOnly(SigText.FIELD);
                    assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains(message));
                });
    }

    @Test
    void readReportsProblemsWithoutThrowing() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(SigText.read("2 puffs bid", problems)).isNull();
        assertThat(problems).hasSize(1);
    }

    private static final long SEED = 20_261_124L;

    /** Any sig the picker can write, read back, is the same data: 300 generated ones from a fixed seed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedSigs")
    void anyWrittenSigReadsBackToTheSameData(Sig sig) {
        Sig back = SigText.parse(sig.words());
        assertThat(back.doseQuantity()).isEqualByComparingTo(sig.doseQuantity());
        assertThat(back.doseUnit()).isEqualTo(sig.doseUnit());
        assertThat(back.timesPerDay()).isEqualTo(sig.timesPerDay());
        if (sig.everyHours() == null) {
            assertThat(back.everyHours()).isNull();
        } else {
            assertThat(back.everyHours()).isEqualByComparingTo(sig.everyHours());
        }
        assertThat(back.asNeeded()).isEqualTo(sig.asNeeded());
        if (sig.maxPerDay() == null) {
            assertThat(back.maxPerDay()).isNull();
        } else {
            assertThat(back.maxPerDay()).isEqualByComparingTo(sig.maxPerDay());
        }
    }

    static Stream<Sig> generatedSigs() {
        Random random = new Random(SEED);
        DoseUnit[] units = {
            DoseUnit.TABLET, DoseUnit.CAPSULE, DoseUnit.PATCH, DoseUnit.FILM, DoseUnit.ML, DoseUnit.MG, DoseUnit.MCG
        };
        String[] quantities = {"0.5", "1", "2", "3", "2.5", "10", "15"};
        return IntStream.range(0, 300).mapToObj(n -> {
            BigDecimal q = new BigDecimal(quantities[random.nextInt(quantities.length)]);
            DoseUnit u = units[random.nextInt(units.length)];
            boolean regularTimes = random.nextBoolean();
            Integer times = regularTimes ? 1 + random.nextInt(6) : null;
            BigDecimal hours = regularTimes ? null : BigDecimal.valueOf(1 + random.nextInt(72));
            boolean prn = random.nextBoolean();
            BigDecimal max = prn || random.nextInt(4) == 0 ? BigDecimal.valueOf(1 + random.nextInt(12)) : null;
            return new Sig(q, u, times, hours, prn, max);
        });
    }
}
