package org.relief.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Total daily morphine milligram equivalents (MME/day) of a medication list with each opioid's share, by a
 * {@link ConversionTable} (shared/CLINICAL_RULES.md §10: MME/day = sum over opioids of daily dose in mg, or mcg/h for
 * transdermal fentanyl, x factor). MME is a risk measure, never a conversion dose between opioids (CDC's caution).
 *
 * <p>The daily dose comes from the sig: a regular sig counts dose x doses per day (q6h = 4 a day); <b>an as-needed
 * sig counts its maximum per day</b>, the most the prescription allows. That rule is Relief's own, chosen because MME
 * here measures risk and a PRN opioid may be taken up to its maximum every day; the rules reference gives no rule for
 * PRN, so it is an assumption, stated with every PRN line ("as needed: counted at its maximum of N a day"). A patch
 * counts its strength in mcg/h times the patches worn at once, whatever the change interval (it releases that amount
 * every hour it is worn).
 *
 * <p>An opioid with no factor in the table, or a route or unit the table has no factor for, is "MME not computable"
 * with the reason, never 0; the total then covers only what could be computed and says it is incomplete (so does an
 * ingredient missing from the catalogue: it might be an opioid).
 * Buprenorphine (no factor in CDC 2022) is excluded from the sum and shown as such.
 */
public final class MmeCalculator {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IngredientCatalogue catalogue;
    private final ConversionTable table;

    public MmeCalculator(IngredientCatalogue catalogue, ConversionTable table) {
        this.catalogue = catalogue;
        this.table = table;
    }

    /** How one opioid line was counted. */
    public enum Status {
        COUNTED("counted"),
        EXCLUDED("not converted (excluded from the total)"),
        NOT_COMPUTABLE("MME not computable");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One opioid of the list.
     *
     * @param name the medication as shown ("oxycodone 10 mg tablet")
     * @param ingredient the opioid ingredient
     * @param status counted, excluded or not computable
     * @param dailyDose the daily dose (mg/day, or mcg/h for a patch), or null where unknown
     * @param dailyDoseUnit "mg/day" or "mcg/h"
     * @param factor the factor used, or null
     * @param mme the MME/day of this line, or null unless counted (never 0 for "not computable")
     * @param sharePercent this line's share of the total, or null
     * @param note how the daily dose was counted, or why it was not (the reason a person reads)
     */
    public record Line(
            String name,
            String ingredient,
            Status status,
            BigDecimal dailyDose,
            String dailyDoseUnit,
            BigDecimal factor,
            BigDecimal mme,
            BigDecimal sharePercent,
            String note) {

        public Double mmeValue() {
            return mme == null ? null : mme.doubleValue();
        }
    }

    /**
     * The result.
     *
     * @param total MME/day of the counted lines
     * @param complete false when any opioid line is not computable (the total is then a lower bound)
     * @param table the table's name ("CDC 2022")
     * @param lines one per opioid ingredient of the list, in list order
     * @param unrecognised ingredients not in the catalogue (whether they are opioids is unknown; validation refuses
     *     them on the way in, so this is empty unless the catalogue changed since)
     */
    public record Result(
            BigDecimal total, boolean complete, String table, List<Line> lines, List<String> unrecognised) {

        public double totalValue() {
            return total.doubleValue();
        }

        /** "60", "112.5" (one decimal at most), or "at least 60" when incomplete. */
        public String totalShown() {
            String n =
                    total.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            return complete ? n : "at least " + n;
        }
    }

    /** The MME of every opioid in the list (the caller passes the medications taken now). */
    public Result calculate(List<Medication> medications) {
        List<Line> lines = new ArrayList<>();
        List<String> unrecognised = new ArrayList<>();
        for (Medication m : medications) {
            for (Ingredient i : m.ingredients()) {
                if (i == null || i.name() == null || catalogue.find(i.name()).isEmpty()) {
                    unrecognised.add(
                            i == null || i.name() == null
                                    ? "(no name)"
                                    : i.name().strip());
                } else if (catalogue.classOf(i.name()) == DrugClass.OPIOID) {
                    lines.add(line(m, i));
                }
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        boolean complete = unrecognised.isEmpty();
        for (Line l : lines) {
            if (l.status() == Status.COUNTED) {
                total = total.add(l.mme());
            } else if (l.status() == Status.NOT_COMPUTABLE) {
                complete = false;
            }
        }
        List<Line> shared = new ArrayList<>(lines.size());
        for (Line l : lines) {
            BigDecimal share = l.status() == Status.COUNTED && total.signum() > 0
                    ? l.mme().multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP)
                    : null;
            shared.add(new Line(
                    l.name(),
                    l.ingredient(),
                    l.status(),
                    l.dailyDose(),
                    l.dailyDoseUnit(),
                    l.factor(),
                    l.mme(),
                    share,
                    l.note()));
        }
        return new Result(
                total.stripTrailingZeros(), complete, table.name(), List.copyOf(shared), List.copyOf(unrecognised));
    }

    private Line line(Medication m, Ingredient opioid) {
        String ingredient = IngredientCatalogue.key(opioid.name());
        ConversionTable.Entry entry = table.entry(ingredient).orElse(null);
        if (entry == null) {
            return notComputable(m, ingredient, "no conversion factor for " + ingredient + " in " + table.name());
        }
        if (entry.basis() == ConversionTable.Basis.EXCLUDED) {
            return new Line(
                    m.name(),
                    ingredient,
                    Status.EXCLUDED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    entry.note().isBlank()
                            ? "no factor in " + table.name() + ": excluded from the total"
                            : entry.note());
        }
        if (m.route() == null || !entry.appliesTo(m.route())) {
            return notComputable(
                    m,
                    ingredient,
                    table.name() + " gives no factor for " + ingredient
                            + (m.route() == null
                                    ? " without a route"
                                    : " taken " + m.route().label()));
        }
        if (m.sig() == null) {
            return notComputable(m, ingredient, "no structured directions (sig) to count a daily dose from");
        }
        if (entry.basis() == ConversionTable.Basis.MCG_PER_HOUR) {
            return patch(m, opioid, ingredient, entry);
        }
        BigDecimal mgPerDay = mgPerDay(m, opioid);
        if (mgPerDay == null) {
            return notComputable(
                    m,
                    ingredient,
                    "the daily dose in mg cannot be worked out from the strength (" + opioid.shown()
                            + ") and the directions (" + m.sig().words() + ")");
        }
        BigDecimal factor = entry.factorFor(mgPerDay);
        return new Line(
                m.name(),
                ingredient,
                Status.COUNTED,
                mgPerDay.stripTrailingZeros(),
                "mg/day",
                factor,
                mgPerDay.multiply(factor).stripTrailingZeros(),
                null,
                counting(m.sig()));
    }

    private Line patch(Medication m, Ingredient opioid, String ingredient, ConversionTable.Entry entry) {
        Sig s = m.sig();
        if (m.form() != DoseForm.PATCH
                || opioid.unit() != StrengthUnit.MCG_PER_HOUR
                || opioid.strength() == null
                || s.doseUnit() != DoseUnit.PATCH
                || s.doseQuantity() == null) {
            return notComputable(
                    m, ingredient, table.name() + " converts " + ingredient + " only as a patch " + "written in mcg/h");
        }
        BigDecimal mcgPerHour = opioid.strength().multiply(s.doseQuantity());
        BigDecimal factor = entry.factorFor(mcgPerHour);
        return new Line(
                m.name(),
                ingredient,
                Status.COUNTED,
                mcgPerHour.stripTrailingZeros(),
                "mcg/h",
                factor,
                mcgPerHour.multiply(factor).stripTrailingZeros(),
                null,
                "patch: " + SigText.plain(s.doseQuantity()) + " x " + SigText.plain(opioid.strength())
                        + " mcg/h worn at once, whatever the change interval");
    }

    /** The daily amount in mg of the ingredient, or null when strength, unit and sig do not give one. */
    static BigDecimal mgPerDay(Medication m, Ingredient i) {
        Sig s = m.sig();
        BigDecimal units = s.unitsPerDay();
        if (units == null || s.doseUnit() == null || i.strength() == null || i.unit() == null) {
            return null;
        }
        if (s.doseUnit() == DoseUnit.MG || s.doseUnit() == DoseUnit.MCG) {
            if (m.ingredients().size() != 1) {
                return null;
            }
            return s.doseUnit() == DoseUnit.MG ? units : units.divide(THOUSAND, Sig.PRECISION);
        }
        if (s.doseUnit() == DoseUnit.ML) {
            return i.unit() == StrengthUnit.MG_PER_ML ? units.multiply(i.strength(), Sig.PRECISION) : null;
        }
        if (!s.doseUnit().countable()) {
            return null;
        }
        return switch (i.unit()) {
            case MG -> units.multiply(i.strength(), Sig.PRECISION);
            case MCG -> units.multiply(i.strength(), Sig.PRECISION).divide(THOUSAND, Sig.PRECISION);
            case G -> units.multiply(i.strength(), Sig.PRECISION).multiply(THOUSAND);
            default -> null;
        };
    }

    private static String counting(Sig s) {
        if (s.asNeeded()) {
            return "as needed: counted at its maximum of " + SigText.plain(s.maxPerDay()) + " a day (Relief's rule: "
                    + "the most the prescription allows)";
        }
        return SigText.plain(s.doseQuantity()) + " x "
                + SigText.plain(s.dosesPerDay().stripTrailingZeros()) + " a day";
    }

    private static Line notComputable(Medication m, String ingredient, String reason) {
        return new Line(m.name(), ingredient, Status.NOT_COMPUTABLE, null, null, null, null, null, reason);
    }
}
