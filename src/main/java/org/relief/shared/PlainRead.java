package org.relief.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read that opens no database transaction of its own. Inside a caller's transaction it joins it; called alone, its
 * statements run in auto-commit, on one connection held for the call (Spring's {@code SUPPORTS}).
 *
 * <p>The database runs at READ COMMITTED: each statement sees what was committed when it started, inside a
 * transaction or not, so a read-only transaction gave a read's statements no common view. What it did add, on every
 * call, was a {@code BEGIN READ ONLY} sent as a message of its own (the driver sends it apart from the statement
 * after it) and a {@code COMMIT} waited for: two database wake-ups and a round trip. The four requests of the
 * Gatling mix made five such pairs a loop (issue 16). For the hot reads only: the chart, its guard and care team, and
 * patient search; a read whose statements must agree with each other still needs a transaction at a stricter
 * isolation, and none is marked so.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public @interface PlainRead {}
