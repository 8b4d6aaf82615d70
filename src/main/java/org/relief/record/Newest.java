package org.relief.record;

import java.util.List;

/**
 * The newest current versions of a patient's entries of one kind, at most as many as asked, in the kind's order
 * ({@link RecordStore#newest}), and how many current entries there are in all.
 */
public record Newest<T extends Record>(List<Versioned<T>> rows, int total) {

    public Newest {
        rows = List.copyOf(rows);
    }

    /** Whether rows were left out. */
    public boolean cut() {
        return total > rows.size();
    }
}
