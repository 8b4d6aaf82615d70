package org.relief.patient.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.relief.patient.ChartPage;
import org.relief.record.Versioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The chart page's rows, each rendered once per entry version and kept ({@code patient/chart-rows.html}): a version
 * never changes (a correction or a void is a new version), so its row is the same text on every page that shows it.
 * The template engine spent about a third of the ten-year chart page's time interpreting the same rows again on
 * every request (issue 16).
 *
 * <p>A row depends on the section, the patient, the version and whether the reader may correct and void entries of
 * that kind (the row's links): all four are the key. The rows use nothing of the request, the session or the
 * locale. The page around them (its forms, the reader's name, what may be added) is rendered on every request as
 * before. Up to {@code relief.chart.row-cache} of text is kept, least recently used out first; 0 keeps none (every
 * row is rendered on every request, as before).
 */
@Component("chartRows")
public class ChartRows {

    private static final String TEMPLATE = "patient/chart-rows";

    private final KeptFragments fragments;
    private final Cache<Key, String> kept;

    record Key(String section, UUID patientId, UUID entryId, int version, boolean mayWrite) {}

    ChartRows(KeptFragments fragments, @Value("${relief.chart.row-cache:16MB}") DataSize keep) {
        this.fragments = fragments;
        this.kept = KeptFragments.store(keep, 96);
    }

    /**
     * The chart page's rows, section by section, as HTML (the page inserts each unescaped: it is the template engine's
     * own output, every value in it escaped there). Made in the controller, so that the page inserts finished text:
     * called from the template once per row, the template engine converted the arguments on every call (it copied the
     * reader's set of writable kinds element by element), about a fifth of the ten-year chart page's time (issue 16).
     *
     * @param page the chart as the page shows it
     * @param patientId whose chart
     * @param writes the slugs of the kinds the reader may correct and void (the page's {@code writes})
     */
    public Sections of(ChartPage page, UUID patientId, Set<String> writes) {
        return new Sections(
                rows("referrals", patientId, page.referrals(), writes),
                rows("problems", patientId, page.problems().rows(), writes),
                rows("imaging", patientId, page.imaging().rows(), writes),
                rows("treatments", patientId, page.treatments().rows(), writes),
                rows("medications", patientId, page.medications().rows(), writes),
                rows("allergies", patientId, page.allergies(), writes),
                rows("encounters", patientId, page.encounters().rows(), writes),
                rows("documents", patientId, page.documents().rows(), writes));
    }

    /** Each section's rows as HTML, in the page's order, one row a line. */
    public record Sections(
            String referrals,
            String problems,
            String imaging,
            String treatments,
            String medications,
            String allergies,
            String encounters,
            String documents) {}

    private String rows(String section, UUID patientId, List<? extends Versioned<?>> versions, Set<String> writes) {
        boolean mayWrite = writes != null && writes.contains(section);
        StringJoiner rows = new StringJoiner("\n");
        for (Versioned<?> v : versions) {
            rows.add(kept.get(new Key(section, patientId, v.entryId(), v.version(), mayWrite), k -> render(k, v)));
        }
        return rows.toString();
    }

    private String render(Key key, Versioned<?> v) {
        return fragments.render(
                TEMPLATE,
                key.section(),
                Map.of("pid", key.patientId(), "v", v, "writes", key.mayWrite() ? Set.of(key.section()) : Set.of()));
    }
}
