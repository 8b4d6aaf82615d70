package org.relief.patient.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.relief.patient.ChartPage;
import org.relief.record.Versioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

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

    private final ISpringTemplateEngine engine;
    private final ApplicationContext context;
    private final Cache<Key, String> kept;

    record Key(String section, UUID patientId, UUID entryId, int version, boolean mayWrite) {}

    ChartRows(
            ISpringTemplateEngine engine,
            ApplicationContext context,
            @Value("${relief.chart.row-cache:16MB}") DataSize keep) {
        this.engine = engine;
        this.context = context;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, keep.toBytes()))
                .weigher((Key k, String html) -> 2 * html.length() + 96) // the text and the key, roughly
                .executor(Runnable::run) // evictions on the caller's thread: nothing left running after a request
                .build();
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
        ServletRequestAttributes attributes =
                (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        // the engine keeps a web context's variables as request attributes: the row gets attributes of its own, or
        // its pid, v and writes would replace the page's own while the page is still being rendered
        WebContext ctx = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(new OwnAttributes(request), response),
                LocaleContextHolder.getLocale());
        // the rows' bean references (@labels); they use no ${{...}} conversion, so no conversion service
        ctx.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        ctx.setVariable("pid", key.patientId());
        ctx.setVariable("v", v);
        ctx.setVariable("writes", key.mayWrite() ? Set.of(key.section()) : Set.of());
        return engine.process(TEMPLATE, Set.of(key.section()), ctx).strip();
    }

    /** The request as the row sees it: the page's request, with attributes of its own (none of the page's). */
    private static final class OwnAttributes extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
