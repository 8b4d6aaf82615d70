package org.relief.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Seeded synthetic outcome series with <b>planted</b> effects, for the tests and the demo clinic. The same seed gives
 * the same series on every machine ({@link Random}'s algorithm is fixed by its specification).
 *
 * <p>The effect sizes in the ready-made scenarios (physical therapy alone -0.8 NRS, CBT alone -0.5, both together an
 * extra -1.2, an ESI -3 fading over 8 weeks, an RFA -3 lasting about 9 months, AR(1) noise with rho 0.5) are the
 * synthetic test plants named in issue 12. <b>They are not clinical claims</b> and no clinical figure may be read
 * from them.
 *
 * <p>Model: value(day) = baseline + sum of therapy effects while each is given + interaction extras while both are
 * given + procedure effects + AR(1) noise; clamped to the measure's range and rounded to the scenario's decimals.
 */
public final class Simulator {

    /** A therapy given from {@code start} until {@code stop} (null: still going) with a step effect on the level. */
    public record Therapy(String name, LocalDate start, LocalDate stop, double effect) {
        public Therapy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(start, "start");
        }

        boolean activeOn(LocalDate d) {
            return !d.isBefore(start) && (stop == null || d.isBefore(stop));
        }

        public Exposure exposure() {
            return new Exposure(name, start, stop);
        }
    }

    /** An extra effect while both therapies are given (the planted interaction). */
    public record Interaction(String first, String second, double extra) {}

    /** How a procedure's effect runs over time. */
    public enum Shape {
        /** Full effect on the day, fading linearly to nothing over {@code days}. */
        FADING,
        /** Full effect for {@code days}, then gone. */
        LASTING
    }

    /** A procedure with its effect on the measure and where it was done. */
    public record Procedure(
            String kind,
            LocalDate date,
            String region,
            String level,
            String side,
            double effect,
            Shape shape,
            int days) {

        double effectOn(LocalDate d) {
            long k = java.time.temporal.ChronoUnit.DAYS.between(date, d);
            if (k < 0 || k >= days) {
                return 0;
            }
            return shape == Shape.LASTING ? effect : effect * (1 - k / (double) days);
        }
    }

    /** Everything that defines one synthetic patient's series. */
    public record Scenario(
            Measure measure,
            LocalDate first,
            int days,
            double baseline,
            double rho,
            double innovationSd,
            int decimals,
            List<Therapy> therapies,
            List<Interaction> interactions,
            List<Procedure> procedures) {
        public Scenario {
            therapies = List.copyOf(therapies);
            interactions = List.copyOf(interactions);
            procedures = List.copyOf(procedures);
            if (days < 1 || Math.abs(rho) >= 1 || innovationSd < 0) {
                throw new IllegalArgumentException("bad scenario");
            }
        }

        /** The exposures the analysis is given: every therapy (procedures are not therapies here). */
        public List<Exposure> exposures() {
            return therapies.stream().map(Therapy::exposure).toList();
        }
    }

    /** A generated patient: the series, the exposures, and each procedure's follow-ups (relief %). */
    public record Patient(
            Scenario scenario,
            OutcomeSeries series,
            List<Exposure> exposures,
            List<ProcedureResponse.Followed> procedures) {}

    /** Follow-up days after a procedure used for the simulated relief reports. */
    public static final int[] FOLLOW_UP_DAYS = {14, 42, 91, 182, 273, 365};

    private Simulator() {}

    /** Generates one patient from the scenario and seed. */
    public static Patient simulate(Scenario s, long seed) {
        Random rnd = new Random(seed);
        List<OutcomeSeries.Reading> readings = new ArrayList<>(s.days());
        double stationarySd = s.innovationSd() / Math.sqrt(1 - s.rho() * s.rho());
        double noise = rnd.nextGaussian() * stationarySd;
        double scale = Math.pow(10, s.decimals());
        for (int k = 0; k < s.days(); k++) {
            if (k > 0) {
                noise = s.rho() * noise + rnd.nextGaussian() * s.innovationSd();
            }
            LocalDate d = s.first().plusDays(k);
            double v = s.baseline() + planted(s, d) + noise;
            v = Math.max(s.measure().min(), Math.min(s.measure().max(), v));
            readings.add(new OutcomeSeries.Reading(d, Math.round(v * scale) / scale));
        }
        List<ProcedureResponse.Followed> followed = new ArrayList<>();
        for (Procedure p : s.procedures()) {
            List<ProcedureResponse.FollowUp> fus = new ArrayList<>();
            for (int day : FOLLOW_UP_DAYS) {
                LocalDate d = p.date().plusDays(day);
                double relief = -p.effectOn(d) / s.baseline() * 100 + rnd.nextGaussian() * 3;
                relief = Math.max(0, Math.min(100, Math.round(relief)));
                fus.add(new ProcedureResponse.FollowUp(d, relief));
            }
            followed.add(new ProcedureResponse.Followed(
                    new ProcedureResponse.Procedure(p.kind(), p.date(), p.region(), p.level(), p.side()), fus));
        }
        return new Patient(s, new OutcomeSeries(s.measure(), readings), s.exposures(), followed);
    }

    /** The noise-free planted effect on a day (the truth the analysis should recover). */
    public static double planted(Scenario s, LocalDate d) {
        double v = 0;
        for (Therapy t : s.therapies()) {
            if (t.activeOn(d)) {
                v += t.effect();
            }
        }
        for (Interaction i : s.interactions()) {
            Therapy a = find(s, i.first());
            Therapy b = find(s, i.second());
            if (a.activeOn(d) && b.activeOn(d)) {
                v += i.extra();
            }
        }
        for (Procedure p : s.procedures()) {
            v += p.effectOn(d);
        }
        return v;
    }

    private static Therapy find(Scenario s, String name) {
        return s.therapies().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no therapy " + name));
    }

    // Ready-made scenarios (synthetic plants from issue 12; not clinical claims).

    public static final String PT = "Physical therapy";
    public static final String CBT = "Cognitive behavioural therapy";
    /** Planted: physical therapy alone. */
    public static final double PT_EFFECT = -0.8;
    /** Planted: CBT alone. */
    public static final double CBT_EFFECT = -0.5;
    /** Planted: the extra effect of PT and CBT together. */
    public static final double PT_CBT_EXTRA = -1.2;
    /** Planted: an ESI's effect on the day, fading over 8 weeks. */
    public static final double ESI_EFFECT = -3;

    public static final int ESI_DAYS = 56;
    /** Planted: an RFA's effect, lasting about 9 months. */
    public static final double RFA_EFFECT = -3;

    public static final int RFA_DAYS = 280;
    /** Planted AR(1) coefficient of the noise, and the innovation SD. */
    public static final double NOISE_RHO = 0.5;

    public static final double NOISE_SD = 0.8;
    public static final double BASELINE_NRS = 6.5;

    /**
     * A year of daily NRS with PT from day 60 to day 180 and CBT from day 120 to day 300: the four combinations each
     * have 60 days or more (neither: days 0-59 and 300-364; PT alone 60-119; both 120-179; CBT alone 180-299).
     * {@code synergy} plants the PT+CBT extra; without it the effects simply add.
     */
    public static Scenario ptThenCbt(LocalDate first, boolean synergy) {
        List<Therapy> ts = List.of(
                new Therapy(PT, first.plusDays(60), first.plusDays(180), PT_EFFECT),
                new Therapy(CBT, first.plusDays(120), first.plusDays(300), CBT_EFFECT));
        return new Scenario(
                Measure.NRS,
                first,
                365,
                BASELINE_NRS,
                NOISE_RHO,
                NOISE_SD,
                1,
                ts,
                synergy ? List.of(new Interaction(PT, CBT, PT_CBT_EXTRA)) : List.of(),
                List.of());
    }

    /** The same schedule as {@link #ptThenCbt} with no effect at all: only noise. */
    public static Scenario noEffect(LocalDate first) {
        List<Therapy> ts = List.of(
                new Therapy(PT, first.plusDays(60), first.plusDays(180), 0),
                new Therapy(CBT, first.plusDays(120), first.plusDays(300), 0));
        return new Scenario(Measure.NRS, first, 365, BASELINE_NRS, NOISE_RHO, NOISE_SD, 1, ts, List.of(), List.of());
    }

    /** PT and CBT started on the same day (with their planted effects and synergy): not separable. */
    public static Scenario simultaneous(LocalDate first) {
        List<Therapy> ts = List.of(
                new Therapy(PT, first.plusDays(60), null, PT_EFFECT),
                new Therapy(CBT, first.plusDays(60), null, CBT_EFFECT));
        return new Scenario(
                Measure.NRS,
                first,
                365,
                BASELINE_NRS,
                NOISE_RHO,
                NOISE_SD,
                1,
                ts,
                List.of(new Interaction(PT, CBT, PT_CBT_EXTRA)),
                List.of());
    }

    /**
     * A lumbar patient: an ESI on day 30 (fading over 8 weeks), an RFA at L4-L5 left on day 120 (lasting about 9
     * months), followed up for relief. Baseline 5.5 so that the planted -3 is just over half.
     */
    public static Scenario esiThenRfa(LocalDate first) {
        List<Procedure> ps = List.of(
                new Procedure(
                        "Epidural steroid injection",
                        first.plusDays(30),
                        "Lumbar",
                        "L5-S1",
                        "Left",
                        ESI_EFFECT,
                        Shape.FADING,
                        ESI_DAYS),
                new Procedure(
                        "Radiofrequency ablation",
                        first.plusDays(120),
                        "Lumbar",
                        "L4-L5",
                        "Left",
                        RFA_EFFECT,
                        Shape.LASTING,
                        RFA_DAYS));
        return new Scenario(Measure.NRS, first, 540, 5.5, NOISE_RHO, NOISE_SD, 1, List.of(), List.of(), ps);
    }
}
