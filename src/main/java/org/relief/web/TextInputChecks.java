package org.relief.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.SaneDates;
import org.relief.shared.TextInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL byte or another control character (except tab, CR, LF) in any text sent, in one place, before
 * anything is changed: every request parameter (query string and form post, whatever the handler binds it to, a
 * {@code @RequestParam Map} too) is checked by an interceptor before the handler runs, and every JSON string and
 * JSON object key by the JSON reader. The JSON reader also refuses a date outside the clinic's range
 * ({@link SaneDates}) and a number that is not finite (NaN, Infinity, or one too large to hold). A query string
 * that cannot be decoded (a % not followed by two hexadecimal digits) is refused as a whole. Either way the answer is
 * a 400 naming the field, through the usual error paths (a page for a browser, a problem document for /api, an
 * OperationOutcome for /fhir). Values bound from the address or a form are checked by {@link BindingDefaults}.
 */
@Configuration(proxyBeanMethods = false)
class TextInputChecks implements WebMvcConfigurer {

    private final SaneDates dates;

    TextInputChecks(SaneDates dates) {
        this.dates = dates;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterCheck());
    }

    /** Registered with Spring's JSON mapper (Boot picks up module beans). */
    @Bean
    JacksonModule textInputModule() {
        SimpleModule module = new SimpleModule("relief-text-input");
        module.addDeserializer(String.class, new CheckedStringDeserializer());
        module.addKeyDeserializer(String.class, new CheckedKeyDeserializer());
        module.addDeserializer(LocalDate.class, new CheckedDateDeserializer(dates));
        module.addDeserializer(Double.class, new FiniteDoubleDeserializer(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDoubleDeserializer(Double.TYPE, 0.0));
        return module;
    }

    /** Rows a form may have ("goal[3].kind"): Spring's own limit for growing a bound list. */
    static final int MAX_ROWS = 256;

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[([^\\]]*)]");

    /** Every "[n]" in a parameter name is a row number 0..255 (a negative or huge one would break the binder). */
    static boolean rowsInRange(String name) {
        java.util.regex.Matcher m = INDEX.matcher(name);
        while (m.find()) {
            String index = m.group(1);
            if (!index.matches("\\d{1,3}") || Integer.parseInt(index) >= MAX_ROWS) {
                return false;
            }
        }
        return true;
    }

    static final class ParameterCheck implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                return true; // the error page of a request already answered (checking again would fail the error page)
            }
            List<FieldProblem> problems = new ArrayList<>();
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the container could not decode the query string or form body (e.g. "%zz")
                throw new InvalidInputException(List.of(new FieldProblem(
                        "query",
                        "cannot be decoded: a % must be "
                                + "followed by two hexadecimal digits, and the decoded bytes must be UTF-8")));
            }
            for (Map.Entry<String, String[]> e : parameters.entrySet()) {
                String nameProblem = TextInput.problem(e.getKey());
                if (nameProblem != null) {
                    problems.add(new FieldProblem("parameter name", nameProblem));
                    continue;
                }
                if (!rowsInRange(e.getKey())) {
                    problems.add(new FieldProblem(
                            e.getKey(),
                            "is not a field of any form: a row number in a " + "field's name is 0 to "
                                    + (MAX_ROWS - 1)));
                    continue;
                }
                for (String value : e.getValue()) {
                    String problem = TextInput.problem(value);
                    if (problem != null) {
                        problems.add(new FieldProblem(e.getKey(), problem));
                        break;
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return true;
        }
    }

    /** A key of a JSON object read into a map (an instrument's answers): the same rule as any text. */
    static final class CheckedKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
            String problem = TextInput.problem(key);
            if (problem != null) {
                return ctxt.reportInputMismatch(String.class, "a key " + problem);
            }
            return key;
        }
    }

    /** An ISO date (YYYY-MM-DD) in the clinic's range. */
    static final class CheckedDateDeserializer extends ValueDeserializer<LocalDate> {
        private final SaneDates dates;

        CheckedDateDeserializer(SaneDates dates) {
            this.dates = dates;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            String problem = dates.problem(date);
            if (problem != null) {
                return ctxt.reportInputMismatch(this, problem);
            }
            return date;
        }
    }

    /** A number that is a number: NaN, Infinity and a value too large for a double are refused. */
    static final class FiniteDoubleDeserializer extends NumberDeserializers.DoubleDeserializer {
        FiniteDoubleDeserializer(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                return ctxt.reportInputMismatch(this, "must be a finite number (not NaN or Infinity)");
            }
            return value;
        }
    }

    static final class CheckedStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            String problem = TextInput.problem(value);
            if (problem != null) {
                return ctxt.reportInputMismatch(this, problem);
            }
            return value;
        }
    }
}
