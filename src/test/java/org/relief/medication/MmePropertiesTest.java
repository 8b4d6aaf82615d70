package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relief.medication.MmeCalculator.Line;
import org.relief.medication.MmeCalculator.Result;
import org.relief.medication.MmeCalculator.Status;

/**
 * Properties of the MME total for any medication list, checked on generated lists: the edge cases first (empty,
 * only buprenorphine, only an opioid without a factor), then {@value #CASES} random lists from a fixed seed (every
 * opioid of the catalogue, oral or patch, regular or PRN, with non-opioids mixed in), so a failure names its list and
 * comes back on every run. MME is additive (the total of a list is the sum of the totals of its parts), never
 * negative, never 0 for a line it cannot compute, and adding a medication never lowers the total.
 */
class MmePropertiesTest {

    private static final long SEED = 20_261_127L;
    private static final int CASES = 400;

    private final MmeCalculator cdc = new MmeCalculator(IngredientCatalogue.defaults(), ConversionTable.cdc2022());

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void theTotalIsTheSumOfEachMedicationsTotal(MedList list) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Medication m : list.meds()) {
            sum = sum.add(cdc.calculate(List.of(m)).total());
        }
        assertThat(cdc.calculate(list.meds()).total()).isEqualByComparingTo(sum);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void theTotalOfTwoListsIsTheSumOfTheirTotals(MedList list) {
        int half = list.meds().size() / 2;
        List<Medication> a = list.meds().subList(0, half);
        List<Medication> b = list.meds().subList(half, list.meds().size());
        assertThat(cdc.calculate(list.meds()).total())
                .isEqualByComparingTo(
                        cdc.calculate(a).total().add(cdc.calculate(b).total()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void nothingIsNegativeAndWhatCannotBeComputedIsNeverZero(MedList list) {
        Result r = cdc.calculate(list.meds());
        assertThat(r.total().signum()).isGreaterThanOrEqualTo(0);
        for (Line l : r.lines()) {
            if (l.status() == Status.COUNTED) {
                assertThat(l.mme().signum()).isGreaterThanOrEqualTo(0);
                assertThat(l.factor().signum()).isPositive();
            } else {
                assertThat(l.mme()).isNull();
                assertThat(l.note()).isNotBlank();
            }
        }
        assertThat(r.complete()).isEqualTo(r.lines().stream().noneMatch(l -> l.status() == Status.NOT_COMPUTABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void addingAMedicationNeverLowersTheTotal(MedList list) {
        List<Medication> growing = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        for (Medication m : list.meds()) {
            growing.add(m);
            BigDecimal now = cdc.calculate(growing).total();
            assertThat(now).isGreaterThanOrEqualTo(before);
            before = now;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void theSharesAddUpToAHundredPercent(MedList list) {
        Result r = cdc.calculate(list.meds());
        List<Line> counted =
                r.lines().stream().filter(l -> l.status() == Status.COUNTED).toList();
        if (r.total().signum() > 0) {
            BigDecimal shares = counted.stream().map(Line::sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
            // each share is rounded to 0.1 %
            assertThat(shares.subtract(BigDecimal.valueOf(100)).abs())
                    .isLessThanOrEqualTo(BigDecimal.valueOf(0.05 * counted.size() + 1e-9));
        }
    }

    /** A list with a readable name for the test report. */
    record MedList(List<Medication> meds) {

        @Override
        public String toString() {
            return meds.stream()
                    .map(m -> m.name() + " " + (m.sig() == null ? "" : m.sig().words()))
                    .toList()
                    .toString();
        }
    }

    static Stream<MedList> lists() {
        Stream<MedList> edges = Stream.of(
                new MedList(List.of()),
                new MedList(List.of(Meds.patch("buprenorphine", "5", "1 patch every 7 days"))),
                new MedList(List.of(Meds.tablet("pentazocine", "50", "1 tab q4h"))),
                new MedList(List.of(Meds.tablet("morphine", "0.001", "1 tab daily"))));
        Random random = new Random(SEED);
        String[] oral = {
            "codeine",
            "tramadol",
            "tapentadol",
            "hydrocodone",
            "morphine",
            "oxycodone",
            "oxymorphone",
            "hydromorphone",
            "methadone",
            "meperidine",
            "levorphanol",
            "acetaminophen",
            "alprazolam",
            "gabapentin",
            "apixaban",
            "naproxen"
        };
        String[] sigs = {
            "1 tab bid",
            "2 tabs tid",
            "1 tab q4h",
            "1 tab q6h prn, max 4/day",
            "0.5 tab qid",
            "1 tab q8h",
            "1 tab daily",
            "3 tabs q12h",
            "1 tab q5h",
            "1 tab q7h"
        };
        return Stream.concat(edges, IntStream.range(0, CASES).mapToObj(n -> {
            int size = random.nextInt(1, 9);
            List<Medication> meds = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    meds.add(Meds.patch(
                            random.nextBoolean() ? "fentanyl" : "buprenorphine",
                            String.valueOf(random.nextInt(1, 21) * 5),
                            "1 patch q72h"));
                } else {
                    String mg = BigDecimal.valueOf(random.nextInt(1, 400), 1).toPlainString();
                    meds.add(Meds.tablet(oral[random.nextInt(oral.length)], mg, sigs[random.nextInt(sigs.length)]));
                }
            }
            return new MedList(meds);
        }));
    }
}
