package org.relief.procedure.rules;

/** A rule's answer, in increasing order of weight: the engine's decision is the heaviest of its rules'. */
public enum Decision {
    ALLOW,
    WARN,
    NOT_ENOUGH_DATA,
    BLOCK
}
