package org.relief.patient.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 * A template's fragment rendered on its own while a page's request runs, for rows whose text is kept and inserted
 * into the page as finished HTML ({@link ChartRows}, {@link SearchRows}): the template engine spent much of a page's
 * time interpreting the same rows again on every request (issue 16). A kept row may use only the variables it is
 * given, nothing of the request, the session or the locale, which the kept text would not follow.
 */
@Component
class KeptFragments {

    private final ISpringTemplateEngine engine;
    private final ApplicationContext context;

    KeptFragments(ISpringTemplateEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    /**
     * A store for rendered texts of up to {@code keep} (the text and its key, roughly), least recently used out
     * first; 0 keeps none (every row is rendered on every request).
     *
     * @param keyBytes about what one key takes
     */
    static <K> Cache<K, String> store(DataSize keep, int keyBytes) {
        return Caffeine.newBuilder()
                .maximumWeight(Math.max(0, keep.toBytes()))
                .weigher((K k, String html) -> 2 * html.length() + keyBytes)
                .executor(Runnable::run) // evictions on the caller's thread: nothing left running after a request
                .build();
    }

    /**
     * Renders the fragment {@code fragment} of {@code template} with these variables alone, without the blanks around
     * it.
     */
    String render(String template, String fragment, Map<String, Object> variables) {
        ServletRequestAttributes attributes =
                (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        // the engine keeps a web context's variables as request attributes: the row gets attributes of its own, or
        // its variables would replace the page's own while the page is still being rendered
        WebContext ctx = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(new OwnAttributes(request), response),
                LocaleContextHolder.getLocale());
        // bean references (@labels); the rows use no ${{...}} conversion, so no conversion service
        ctx.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        variables.forEach(ctx::setVariable);
        return engine.process(template, Set.of(fragment), ctx).strip();
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
