package org.relief.medication;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned table of MME conversion factors: policy data, not constants. The default is "CDC 2022"
 * ({@code medication/mme-cdc-2022.csv}: the factors of shared/CLINICAL_RULES.md §10, from the CDC Clinical Practice
 * Guideline 2022, MMWR Recomm Rep 71(3)). A clinic may load another table ({@link #read}; §10 notes older tables are
 * still in use, e.g. methadone tiered by daily dose) or override one factor ({@link #withEntry}); the table's name
 * is shown next to every MME figure.
 *
 * <p>File format, one line per ingredient (or per tier): {@code ingredient;routes;basis;factor;up_to_mg_per_day;note}
 * with routes a comma list of {@link Route} names or "*", basis {@link Basis}, and for tiered factors the inclusive
 * upper bound of the daily dose in mg (empty on the last tier). Header lines "# name: ..." and "# source: ..." name
 * the table; other '#' lines are comments.
 */
public final class ConversionTable {

    /** What the factor multiplies. */
    public enum Basis {
        /** The daily dose in mg. */
        MG,
        /** The strength of a transdermal patch in mcg/h (fentanyl). */
        MCG_PER_HOUR,
        /** No factor: excluded from the sum and shown separately (buprenorphine in CDC 2022). */
        EXCLUDED
    }

    /** One factor tier: applies to daily doses up to {@code upToMgPerDay} (inclusive; null = no upper bound). */
    public record Tier(BigDecimal upToMgPerDay, BigDecimal factor) {}

    /** An ingredient's entry. {@code routes} empty = any route. */
    public record Entry(String ingredient, Set<Route> routes, Basis basis, List<Tier> tiers, String note) {

        public Entry {
            routes = routes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(routes));
            tiers = List.copyOf(tiers);
        }

        public boolean appliesTo(Route route) {
            return routes.isEmpty() || routes.contains(route);
        }

        /** The factor for a daily dose (the tier it falls in). */
        public BigDecimal factorFor(BigDecimal dailyMg) {
            for (Tier t : tiers) {
                if (t.upToMgPerDay() == null || dailyMg.compareTo(t.upToMgPerDay()) <= 0) {
                    return t.factor();
                }
            }
            return tiers.get(tiers.size() - 1).factor();
        }
    }

    private static final String CDC_2022 = "/medication/mme-cdc-2022.csv";

    private final String name;
    private final String source;
    private final Map<String, Entry> entries;

    public ConversionTable(String name, String source, Map<String, Entry> entries) {
        this.name = name;
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The CDC 2022 table shipped with Relief. */
    public static ConversionTable cdc2022() {
        try (InputStream in = ConversionTable.class.getResourceAsStream(CDC_2022)) {
            if (in == null) {
                throw new IllegalStateException("missing " + CDC_2022);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the format above. */
    public static ConversionTable read(Reader reader) {
        String name = null;
        String source = "";
        Map<String, List<String[]>> lines = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.startsWith("# name:")) {
                    name = line.substring("# name:".length()).strip();
                } else if (line.startsWith("# source:")) {
                    source = line.substring("# source:".length()).strip();
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] cells = line.split(";", -1);
                    if (cells.length < 4) {
                        throw new IllegalArgumentException("MME table line " + n + ": expected "
                                + "ingredient;routes;basis;factor;up_to_mg_per_day;note");
                    }
                    lines.computeIfAbsent(IngredientCatalogue.key(cells[0]), k -> new ArrayList<>())
                            .add(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name == null) {
            throw new IllegalArgumentException("MME table without a '# name:' line");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        lines.forEach((ingredient, rows) -> entries.put(ingredient, entry(ingredient, rows)));
        return new ConversionTable(name, source, entries);
    }

    private static Entry entry(String ingredient, List<String[]> rows) {
        String[] first = rows.get(0);
        Set<Route> routes = EnumSet.noneOf(Route.class);
        if (!first[1].isBlank() && !first[1].strip().equals("*")) {
            for (String r : first[1].split(",")) {
                routes.add(Route.valueOf(r.strip()));
            }
        }
        Basis basis = Basis.valueOf(first[2].strip());
        List<Tier> tiers = new ArrayList<>();
        if (basis != Basis.EXCLUDED) {
            for (String[] row : rows) {
                BigDecimal upTo = row.length > 4 && !row[4].isBlank() ? new BigDecimal(row[4].strip()) : null;
                tiers.add(new Tier(upTo, new BigDecimal(row[3].strip())));
            }
        }
        String note = first.length > 5 ? first[5].strip() : "";
        return new Entry(ingredient, routes, basis, tiers, note);
    }

    /** A copy with one entry added or replaced, under a new name (e.g. "CDC 2022, clinic-modified"). */
    public ConversionTable withEntry(String newName, String why, Entry entry) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(IngredientCatalogue.key(entry.ingredient()), entry);
        return new ConversionTable(newName, source + "; changed by the clinic: " + why, copy);
    }

    public Optional<Entry> entry(String ingredient) {
        return ingredient == null
                ? Optional.empty()
                : Optional.ofNullable(entries.get(IngredientCatalogue.key(ingredient)));
    }

    /** The table's name and version, shown next to every MME figure ("CDC 2022"). */
    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public java.util.Collection<Entry> entries() {
        return entries.values();
    }
}
