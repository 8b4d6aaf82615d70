package org.relief.procedure.rules;

import java.util.List;

/**
 * One rule's answer.
 *
 * @param rule the rule's name, as a person reads it
 * @param decision its answer
 * @param reason why, in words, with the numbers
 * @param policyUsed the policy values it used (with their sources), for the record
 * @param source where the rule itself comes from
 */
public record Outcome(String rule, Decision decision, String reason, List<Policy.Value> policyUsed, String source) {}
