package org.relief.patient.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.relief.patient.PatientSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The search results' rows ({@code patient/search-rows.html}), each rendered once per patient summary and kept: a
 * row shows the summary's fields alone (the name, the record number, the birth date and the step, which a
 * clinic-wide search leaves out), so the same summary is the same text in every search that shows it, and a change
 * of any field is another key. Interpreting fifty rows again on every keystroke was most of the results' rendering
 * (issue 16). Who may see which patient is decided by the search itself, before any row is looked up; every patient
 * shown is still audited. Up to {@code relief.search.row-cache} of text is kept, least recently used out first; 0
 * keeps none.
 */
@Component
class SearchRows {

    private static final String TEMPLATE = "patient/search-rows";

    private final KeptFragments fragments;
    private final Cache<PatientSummary, String> kept;

    SearchRows(KeptFragments fragments, @Value("${relief.search.row-cache:8MB}") DataSize keep) {
        this.fragments = fragments;
        this.kept = KeptFragments.store(keep, 192);
    }

    /** The rows of these results as HTML, in order, one row a line (the page inserts it unescaped). */
    String of(List<PatientSummary> results) {
        StringJoiner rows = new StringJoiner("\n");
        for (PatientSummary p : results) {
            rows.add(kept.get(p, k -> fragments.render(TEMPLATE, "row", Map.of("p", k))));
        }
        return rows.toString();
    }
}
