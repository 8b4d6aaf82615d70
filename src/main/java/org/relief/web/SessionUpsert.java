package org.relief.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes are written with PostgreSQL's {@code INSERT ... ON CONFLICT DO UPDATE} (Spring Session's own
 * customizer for PostgreSQL). With a plain insert, two requests arriving at once on a freshly signed-in session (a
 * dashboard and its htmx fragments) could both add the CSRF token attribute; the second failed on the attributes'
 * primary key while its page was already being sent (seen by bench/scale.sh at its first concurrent requests).
 * Relief's database is always PostgreSQL, embedded or external.
 */
@Configuration(proxyBeanMethods = false)
class SessionUpsert {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
