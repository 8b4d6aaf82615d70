package org.relief.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * One read of the stored session per request instead of two. Spring Session's filter, after saving the session at
 * the end of a request, clears what it read and asks the store again whether the session the browser named is valid
 * (to decide on the cookie): a second {@code SELECT} of the session and its attributes, and their Java
 * deserialization, on every signed-in request (seen in the statement log and the profile, issue 16).
 *
 * <p>Here the store remembers, for the rest of the same request only, the session it has just saved, and answers
 * that one question from it: it is the session as stored a moment ago, not yet expired since it was just used. Every
 * other read goes to the database, and nothing is remembered across requests: the memory lives in a filter placed
 * around Spring Session's own and is dropped when the request ends. Sessions are still read from and written to the
 * database on every request (their expiry, sign-out and the password change's "sign out everywhere" are unchanged).
 */
@Configuration(proxyBeanMethods = false)
class SessionReadOnce {

    /** What this request saved last, while a request runs on this thread. */
    private static final ThreadLocal<Saved> SAVED = new ThreadLocal<>();

    private static final class Saved {
        String id;
        Session session;
    }

    @Bean
    static BeanPostProcessor sessionReadOncePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof FindByIndexNameSessionRepository<?> repository
                                && !(bean instanceof ReadOnceRepository<?>)
                        ? new ReadOnceRepository(repository)
                        : bean;
            }
        };
    }

    /** Just outside Spring Session's filter: the request's memory of what it saved, dropped when it ends. */
    @Bean
    FilterRegistrationBean<Filter> sessionReadOnceScope() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (SAVED.get() != null) {
                    chain.doFilter(request, response);
                    return;
                }
                SAVED.set(new Saved());
                try {
                    chain.doFilter(request, response);
                } finally {
                    SAVED.remove();
                }
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** The session store, answering a read of the session this request has just saved without the database. */
    static final class ReadOnceRepository<S extends Session> implements FindByIndexNameSessionRepository<S> {

        private final FindByIndexNameSessionRepository<S> store;

        ReadOnceRepository(FindByIndexNameSessionRepository<S> store) {
            this.store = store;
        }

        @Override
        public S createSession() {
            return store.createSession();
        }

        @Override
        public void save(S session) {
            store.save(session);
            Saved saved = SAVED.get();
            if (saved != null) {
                saved.id = session.getId();
                saved.session = session;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public S findById(String id) {
            Saved saved = SAVED.get();
            if (saved != null && saved.session != null && id.equals(saved.id)) {
                // once: the question Spring Session asks right after saving; any later read goes to the database
                S session = (S) saved.session;
                saved.id = null;
                saved.session = null;
                if (!session.isExpired()) {
                    return session;
                }
            }
            return store.findById(id);
        }

        @Override
        public void deleteById(String id) {
            Saved saved = SAVED.get();
            if (saved != null) {
                saved.id = null;
                saved.session = null;
            }
            store.deleteById(id);
        }

        @Override
        public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return store.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }
}
