package org.relief.web;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored session is read with one statement and no transaction around it. Spring Session runs every operation of
 * its store in a transaction, the read of the session on every signed-in request too: a {@code BEGIN}, the
 * {@code SELECT} of the session with its attributes, and a {@code COMMIT}, a round trip of its own (the statement log
 * under the Gatling mix, issue 16). One {@code SELECT} sees a consistent session without a transaction, so the read
 * ({@link SessionReadOnce.ReadOnceRepository#findById}) runs without one; an expired session it finds is deleted by
 * one statement as well. Saving a session (the session row and its attributes), deleting one and the clean-up of
 * expired sessions keep their transaction, as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionReadAlone {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    /** Runs the store's read of one session: its statements without a transaction. */
    static <T> T reading(Supplier<T> read) {
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            READING.remove();
        }
    }

    @Bean
    static BeanPostProcessor sessionReadAlonePostProcessor(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration config) {
                    config.setTransactionOperations(new ReadAlone(new TransactionTemplate(transactions.getObject())));
                }
                return bean;
            }
        };
    }

    /** The store's transactions, except while it reads one session. */
    record ReadAlone(TransactionOperations transactions) implements TransactionOperations {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return READING.get() != null
                    ? TransactionOperations.withoutTransaction().execute(action)
                    : transactions.execute(action);
        }
    }
}
