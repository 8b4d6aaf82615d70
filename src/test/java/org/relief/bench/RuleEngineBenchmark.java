package org.relief.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.Policy;
import org.relief.procedure.rules.ProcedureType;
import org.relief.procedure.rules.RuleEngine;

/**
 * Evaluating every rule for a patient with a long history: ten years with 60 procedures (with follow-ups), blocks,
 * three blood thinners; one operation orders each of the 19 procedure types once. Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEngineBenchmark {

    private final RuleEngine engine = new RuleEngine();
    private Policy policy;
    private Facts.History history;
    private List<Facts.Order> orders;

    @Setup
    public void setUp() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        Map<String, Policy.Value> values = new HashMap<>();
        String[][] seed = {
            {"esi.pain-duration-weeks", "4"},
            {"esi.conservative-care-weeks.stenosis", "4"},
            {"esi.conservative-care-weeks.radiculopathy", "6"},
            {"esi.levels.transforaminal", "2"},
            {"esi.levels.interlaminar", "1"},
            {"esi.sessions-per-region-12m", "4"},
            {"esi.repeat-relief-percent", "50"},
            {"esi.min-interval-days", "21"},
            {"esi.steroid-warn-mg-12m", "200"},
            {"mbb.block-relief-percent", "80"},
            {"mbb.blocks-before-rfa", "2"},
            {"rfa.repeat-interval-months", "6"},
            {"rfa.repeat-relief-percent", "50"},
            {"rfa.repeat-relief-weeks", "26"},
            {"rfa.sessions-per-region-12m", "2"},
            {"rfa.levels-per-side", "3"},
            {"facet-ia.sessions-per-region-12m", "4"},
            {"scs.trial-relief-percent", "50"},
            {"sij.provocation-positive", "3"},
            {"sij.block-relief-percent", "75"},
            {"sij.diagnostic-per-12m", "2"},
            {"sij.therapeutic-per-12m", "4"},
            {"va.nrs-outpatient", "5"},
            {"tpi.findings-required", "2"},
            {"tpi.sessions-per-12m", "3"},
            {"tpi.repeat-relief-percent", "50"},
            {"tpi.repeat-relief-weeks", "6"},
            {"adhesiolysis.min-interval-months", "6"},
            {"adhesiolysis.covered", "0"}
        };
        long id = 1;
        for (String[] kv : seed) {
            values.put(kv[0], new Policy.Value(kv[0], new BigDecimal(kv[1]), "unit", "source", id++));
        }
        policy = new Policy(values);
        List<Facts.PastProcedure> done = new ArrayList<>();
        ProcedureType[] types = ProcedureType.values();
        for (int i = 0; i < 60; i++) {
            done.add(new Facts.PastProcedure(
                    types[i % types.length],
                    today.minusDays(30 + i * 60L),
                    Facts.Region.LUMBAR,
                    i % 2 == 0 ? Facts.Side.LEFT : Facts.Side.RIGHT,
                    1,
                    i % 3 == 0 ? 80.0 : null,
                    40 + i % 50,
                    4 + i % 30));
        }
        history = new Facts.History(
                today,
                today.minusYears(10),
                12,
                "Physical therapy (no improvement, 12 weeks)",
                true,
                done,
                3,
                List.of(
                        new Facts.Block("L4-L5 medial branches, left", today.minusYears(1), 85),
                        new Facts.Block("Right sacroiliac joint", today.minusYears(2), 80)),
                true,
                3,
                6,
                12,
                List.of(
                        new Facts.Thinner("Apixaban 5 MG Oral Tablet", true, null),
                        new Facts.Thinner("Naproxen sodium 220 MG Oral Tablet", true, null),
                        new Facts.Thinner("Clopidogrel 75 MG Oral Tablet", false, today.minusDays(3))),
                List.of(new Facts.Allergy("Iodinated contrast", "Itching and flushing", "MODERATE")),
                false);
        orders = new ArrayList<>();
        for (ProcedureType t : types) {
            orders.add(new Facts.Order(
                    t,
                    Facts.Region.LUMBAR,
                    Facts.Side.LEFT,
                    1,
                    today.plusDays(10),
                    Facts.Indication.RADICULOPATHY,
                    40.0,
                    false,
                    true,
                    "fused segments",
                    false,
                    new Facts.VertebralFindings(true, true, false, false, true, true, false, false, true)));
        }
    }

    /** All 19 procedure types, every applicable rule (average time per call is for all 19). */
    @Benchmark
    public void everyProcedureTypeForALongHistory(Blackhole bh) {
        for (Facts.Order o : orders) {
            bh.consume(engine.evaluate(o, history, policy));
        }
    }

    /** One ESI order (the commonest) against the same history. */
    @Benchmark
    public RuleEngine.Result oneEsiOrder() {
        return engine.evaluate(orders.get(1), history, policy);
    }
}
