package org.relief.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
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
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL byte or another control character (except tab, CR, LF) in any text sent, in one place, before
 * anything is changed: every request parameter (query string and form post, whatever the handler binds it to, a
 * {@code @RequestParam Map} too) is checked by an interceptor before the handler runs, and every JSON string by the
 * JSON reader. Either way the answer is a 400 naming the field, through the usual error paths (a page for a browser,
 * a problem document for /api, an OperationOutcome for /fhir).
 */
@Configuration(proxyBeanMethods = false)
class TextInputChecks implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterCheck());
    }

    /** Registered with Spring's JSON mapper (Boot picks up module beans). */
    @Bean
    JacksonModule textInputModule() {
        SimpleModule module = new SimpleModule("relief-text-input");
        module.addDeserializer(String.class, new CheckedStringDeserializer());
        return module;
    }

    static final class ParameterCheck implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                return true; // the error page of a request already answered (checking again would fail the error page)
            }
            List<FieldProblem> problems = new ArrayList<>();
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                String nameProblem = TextInput.problem(e.getKey());
                if (nameProblem != null) {
                    problems.add(new FieldProblem("parameter name", nameProblem));
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
