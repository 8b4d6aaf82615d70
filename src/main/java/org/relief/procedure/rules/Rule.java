package org.relief.procedure.rules;

import java.util.List;
import org.relief.procedure.rules.Facts.History;
import org.relief.procedure.rules.Facts.Order;

/** One named check. Returns null when it does not apply to this order. */
@FunctionalInterface
public interface Rule {

    Outcome check(Order order, History history, Policy policy);

    /** Helpers shared by the rules. */
    final class Out {

        private Out() {}

        static Outcome allow(String rule, String reason, String source, Policy.Value... used) {
            return new Outcome(rule, Decision.ALLOW, reason, List.of(used), source);
        }

        static Outcome warn(String rule, String reason, String source, Policy.Value... used) {
            return new Outcome(rule, Decision.WARN, reason, List.of(used), source);
        }

        static Outcome block(String rule, String reason, String source, Policy.Value... used) {
            return new Outcome(rule, Decision.BLOCK, reason, List.of(used), source);
        }

        static Outcome missing(String rule, String reason, String source, Policy.Value... used) {
            return new Outcome(rule, Decision.NOT_ENOUGH_DATA, reason, List.of(used), source);
        }
    }
}
