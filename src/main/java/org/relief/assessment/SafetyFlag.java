package org.relief.assessment;

/**
 * A finding in a response that starts the safety protocol.
 *
 * @param concern what it signals
 * @param risk the risk level where the instrument maps one (C-SSRS), otherwise {@link Risk#UNRATED}
 * @param reason the answer that raised it, in words
 * @param source where the rule comes from
 */
public record SafetyFlag(Concern concern, Risk risk, String reason, String source) {

    public enum Concern {
        SUICIDAL_IDEATION,
        PSYCHOSIS
    }

    /** Risk levels of the C-SSRS screener mapping; UNRATED where the mapping names no level. */
    public enum Risk {
        UNRATED,
        LOW,
        MODERATE,
        HIGH
    }
}
