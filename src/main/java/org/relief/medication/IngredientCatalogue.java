package org.relief.medication;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ingredients a structured medication may name, with their drug class and RxNorm code where verified. Ships as
 * data ({@code medication/ingredients.csv}: Relief's classification, no RxNorm code verified yet); a clinic extends
 * it with {@link #with}. An ingredient not listed is refused by {@link MedicationCheck}, never guessed.
 */
public final class IngredientCatalogue {

    /** One known ingredient. {@code rxnormCode} is null where not verified. */
    public record Entry(String name, DrugClass drugClass, String rxnormCode) {}

    private static final String RESOURCE = "/medication/ingredients.csv";

    private final Map<String, Entry> byName;

    private IngredientCatalogue(Map<String, Entry> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The catalogue shipped with Relief. */
    public static IngredientCatalogue defaults() {
        try (InputStream in = IngredientCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads lines "name;CLASS;rxnorm" ('#' starts a comment). */
    public static IngredientCatalogue read(Reader reader) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (cells.length < 2 || cells[0].isBlank()) {
                    throw new IllegalArgumentException(
                            "ingredient catalogue line " + n + ": expected name;CLASS;rxnorm");
                }
                String rxnorm = cells.length > 2 && !cells[2].isBlank() ? cells[2].strip() : null;
                Entry e = new Entry(key(cells[0]), DrugClass.valueOf(cells[1].strip()), rxnorm);
                entries.put(e.name(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IngredientCatalogue(entries);
    }

    /** A copy with one ingredient added or replaced. */
    public IngredientCatalogue with(String name, DrugClass drugClass, String rxnormCode) {
        Map<String, Entry> copy = new LinkedHashMap<>(byName);
        copy.put(key(name), new Entry(key(name), drugClass, rxnormCode));
        return new IngredientCatalogue(copy);
    }

    /** The entry for a name, whatever its case and surrounding spaces. */
    public Optional<Entry> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    /** The class of a known ingredient; {@link DrugClass#OTHER} for an unknown one (validation refuses those). */
    public DrugClass classOf(String name) {
        return find(name).map(Entry::drugClass).orElse(DrugClass.OTHER);
    }

    /** True when any ingredient of the medication is of the class. */
    public boolean contains(Medication m, DrugClass drugClass) {
        for (Ingredient i : m.ingredients()) {
            if (classOf(i.name()) == drugClass) {
                return true;
            }
        }
        return false;
    }

    public java.util.Collection<Entry> entries() {
        return byName.values();
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
