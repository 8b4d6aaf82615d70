package org.relief.procedure.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.relief.procedure.rules.Facts.Block;
import org.relief.procedure.rules.Facts.History;
import org.relief.procedure.rules.Facts.Indication;
import org.relief.procedure.rules.Facts.Order;
import org.relief.procedure.rules.Facts.PastProcedure;
import org.relief.procedure.rules.Facts.Region;
import org.relief.procedure.rules.Facts.Side;
import org.relief.procedure.rules.Facts.Thinner;

/** Builders for rule tests: a well-prepared lumbar patient unless a test says otherwise. */
final class RuleTestData {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final LocalDate PLANNED = LocalDate.of(2026, 12, 15);

    private RuleTestData() {}

    static Order order(ProcedureType type) {
        return new Order(
                type,
                Region.LUMBAR,
                Side.LEFT,
                1,
                PLANNED,
                Indication.RADICULOPATHY,
                80.0,
                false,
                true,
                null,
                false,
                null);
    }

    static Order order(ProcedureType type, int levels) {
        Order o = order(type);
        return new Order(
                o.type(),
                o.region(),
                o.side(),
                levels,
                o.plannedDate(),
                o.indication(),
                o.steroidMg(),
                o.particulateSteroid(),
                o.imageGuidance(),
                o.intraArticularReason(),
                o.bleedingRiskFactors(),
                o.vertebral());
    }

    static final class H {
        LocalDate painOnset = TODAY.minusMonths(8);
        int conservativeWeeks = 8;
        String conservativeCare = "Physical therapy (no improvement, 8 weeks)";
        boolean imaging = true;
        List<PastProcedure> procedures = new ArrayList<>();
        Integer siTests = null;
        List<Block> blocks = new ArrayList<>();
        Boolean psychCleared = null;
        Integer triggerPoints = null;
        Integer nrs = null;
        Integer rmdq = null;
        List<Thinner> thinners = new ArrayList<>();
        List<Facts.Allergy> allergies = new ArrayList<>();
        boolean safetyHold = false;

        H done(ProcedureType type, LocalDate date, Integer relief, Integer weeks) {
            procedures.add(new PastProcedure(type, date, Region.LUMBAR, Side.LEFT, 1, 80.0, relief, weeks));
            return this;
        }

        /** An outside procedure (a prior treatment) with what the entry holds; nulls are what it lacks. */
        H outside(
                ProcedureType type,
                LocalDate date,
                Region region,
                Side side,
                Double steroidMg,
                Integer relief,
                Integer weeks,
                Facts.Reported reported) {
            procedures.add(new PastProcedure(
                    type,
                    date,
                    region,
                    side,
                    null,
                    steroidMg,
                    relief,
                    weeks,
                    Facts.Origin.OUTSIDE,
                    "prior treatment '" + type.label() + "' of " + date,
                    reported));
            return this;
        }

        H allergy(String substance, String reaction, String severity) {
            allergies.add(new Facts.Allergy(substance, reaction, severity));
            return this;
        }

        History build() {
            return new History(
                    TODAY,
                    painOnset,
                    conservativeWeeks,
                    conservativeCare,
                    imaging,
                    procedures,
                    siTests,
                    blocks,
                    psychCleared,
                    triggerPoints,
                    nrs,
                    rmdq,
                    thinners,
                    allergies,
                    safetyHold);
        }
    }

    static H history() {
        return new H();
    }

    /** The named rule's outcome when the engine evaluates the order with the shipped policy; fails if it is absent. */
    static Outcome outcome(Order order, H h, String rule) {
        return outcome(order, h, rule, SeedPolicy.load());
    }

    static Outcome outcome(Order order, H h, String rule, Policy policy) {
        return new RuleEngine()
                .evaluate(order, h.build(), policy).outcomes().stream()
                        .filter(o -> o.rule().equals(rule))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("rule " + rule + " did not run"));
    }

    /** Whether the named rule ran at all for this order. */
    static boolean ran(Order order, H h, String rule, Policy policy) {
        return new RuleEngine()
                .evaluate(order, h.build(), policy).outcomes().stream()
                        .anyMatch(o -> o.rule().equals(rule));
    }
}
