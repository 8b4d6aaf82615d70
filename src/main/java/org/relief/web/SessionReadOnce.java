package org.relief.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * One read of the stored session per request instead of two, and no write when only its last access moved a little.
 *
 * <p>Spring Session's filter, after saving the session at the end of a request, clears what it read and asks the
 * store again whether the session the browser named is valid (to decide on the cookie): a second {@code SELECT} of
 * the session and its attributes, and their Java deserialization, on every signed-in request (seen in the statement
 * log and the profile, issue 16). Here the store remembers, for the rest of the same request only, the session it
 * has just saved, and answers that one question from it: it is the session as stored a moment ago, not yet expired
 * since it was just used. Every other read goes to the database, and nothing is remembered across requests: the
 * memory lives in a filter placed around Spring Session's own and is dropped when the request ends.
 *
 * <p>Spring Session also writes the session's last access (an {@code UPDATE} and a commit) at the end of every
 * request, even when nothing else changed: under the Gatling mix about one write transaction in two (issue 16). A
 * session read from the store is therefore handed out {@linkplain Tracked tracked}: when the request changed nothing
 * in it (no attribute set or removed, same id, same timeout) and its stored last access is younger than
 * {@code relief.session.last-access-write-interval} (default 30 s, at most a tenth of the session's timeout), the
 * write is skipped. The stored last access, and with it the expiry, then lags by less than that interval: an idle
 * session ends at most that much <em>earlier</em> than its timeout, never later. A new session, a sign-in, a CSRF
 * token, the portal's own idle clock (an attribute set on every portal request): each is a change and is written as
 * before. Sign-out and the password change's "sign out everywhere" delete sessions as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionReadOnce {

    /** What this request saved last, while a request runs on this thread. */
    private static final ThreadLocal<Saved> SAVED = new ThreadLocal<>();

    private static final Duration DEFAULT_WRITE_INTERVAL = Duration.ofSeconds(30);

    private static final class Saved {
        String id;
        Session session;
    }

    @Bean
    static BeanPostProcessor sessionReadOncePostProcessor(Environment environment) {
        Duration interval = Binder.get(environment)
                .bind("relief.session.last-access-write-interval", Duration.class)
                .orElse(DEFAULT_WRITE_INTERVAL);
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof FindByIndexNameSessionRepository<?> repository
                                && !(bean instanceof ReadOnceRepository<?>)
                        ? new ReadOnceRepository(repository, interval)
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

    /**
     * The session store, answering a read of the session this request has just saved without the database, and
     * skipping the write of a session whose only change is a recent last access.
     */
    static final class ReadOnceRepository<S extends Session> implements FindByIndexNameSessionRepository<Session> {

        private final FindByIndexNameSessionRepository<S> store;
        private final Duration interval;

        ReadOnceRepository(FindByIndexNameSessionRepository<S> store, Duration interval) {
            this.store = store;
            this.interval = interval;
        }

        @Override
        public Session createSession() {
            return new Tracked(store.createSession(), null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void save(Session session) {
            if (session instanceof Tracked tracked) {
                if (tracked.mustWrite(interval)) {
                    store.save((S) tracked.stored);
                    tracked.written();
                }
            } else {
                store.save((S) session);
            }
            Saved saved = SAVED.get();
            if (saved != null) {
                saved.id = session.getId();
                saved.session = session;
            }
        }

        @Override
        public Session findById(String id) {
            Saved saved = SAVED.get();
            if (saved != null && saved.session != null && id.equals(saved.id)) {
                // once: the question Spring Session asks right after saving; any later read goes to the database
                Session session = saved.session;
                saved.id = null;
                saved.session = null;
                if (!session.isExpired()) {
                    return session;
                }
            }
            S stored = SessionReadAlone.reading(() -> store.findById(id));
            return stored == null ? null : new Tracked(stored, stored.getLastAccessedTime());
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
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return new LinkedHashMap<>(store.findByIndexNameAndIndexValue(indexName, indexValue));
        }
    }

    /**
     * A session as one request uses it: the stored session, when its last access was last written ({@code null}
     * for a new one), and whether the request changed anything else in it. Every call goes to the stored session.
     */
    static final class Tracked implements Session {

        final Session stored;
        private Instant writtenAccess;
        private boolean changed;

        Tracked(Session stored, Instant writtenAccess) {
            this.stored = stored;
            this.writtenAccess = writtenAccess;
            this.changed = writtenAccess == null;
        }

        /** A change, a new session, or a last access at least the interval (at most a tenth of the timeout) old. */
        boolean mustWrite(Duration interval) {
            if (changed || writtenAccess == null) {
                return true;
            }
            Duration tenth = stored.getMaxInactiveInterval().dividedBy(10);
            Duration limit = tenth.compareTo(interval) < 0 ? tenth : interval;
            return Duration.between(writtenAccess, stored.getLastAccessedTime()).compareTo(limit) >= 0;
        }

        void written() {
            writtenAccess = stored.getLastAccessedTime();
            changed = false;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
