package org.relief.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relief.outcomes.Exposure;
import org.relief.outcomes.Measure;
import org.relief.outcomes.OutcomesPolicy;
import org.relief.outcomes.SegmentedRegression;
import org.relief.outcomes.Simulator;
import org.relief.outcomes.TherapyAnalysis;

/**
 * The per-patient outcomes analysis (issue 12 aim: under 50 ms): 365 daily NRS readings and 4 therapies, staggered,
 * three of them stopping, so that the segmented regression has 16 terms (one stop is too close to another change
 * to model) and 3 of the 6 pairs get an interaction model
 * (each fitted with AR(1) errors, rho by REML). Run with {@code BENCH=OutcomesBenchmark bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OutcomesBenchmark {

    private final SegmentedRegression analysis = new SegmentedRegression(OutcomesPolicy.defaults());
    private Simulator.Patient patient;
    private List<Exposure> exposures;

    @Setup
    public void setUp() {
        LocalDate d0 = LocalDate.of(2025, 1, 6);
        List<Simulator.Therapy> ts = List.of(
                new Simulator.Therapy(Simulator.PT, d0.plusDays(40), d0.plusDays(160), -0.8),
                new Simulator.Therapy(Simulator.CBT, d0.plusDays(100), d0.plusDays(260), -0.5),
                new Simulator.Therapy("Duloxetine", d0.plusDays(190), null, -0.4),
                new Simulator.Therapy("Acupuncture", d0.plusDays(220), d0.plusDays(320), 0));
        Simulator.Scenario s = new Simulator.Scenario(
                Measure.NRS,
                d0,
                365,
                6.5,
                0.5,
                0.8,
                1,
                ts,
                List.of(new Simulator.Interaction(Simulator.PT, Simulator.CBT, -1.2)),
                List.of());
        patient = Simulator.simulate(s, 42);
        exposures = s.exposures();
        TherapyAnalysis a = analysis.analyse(patient.series(), exposures);
        long pairs = a.interactions().stream().filter(i -> i.estimate() != null).count();
        if (a.coefficients().size() != 16 || pairs != 3) {
            throw new IllegalStateException("benchmark patient no longer has 16 terms and 3 interaction models: "
                    + a.coefficients().size() + ", " + pairs);
        }
    }

    @Benchmark
    public TherapyAnalysis oneYearDailyFourTherapies() {
        return analysis.analyse(patient.series(), exposures);
    }
}
