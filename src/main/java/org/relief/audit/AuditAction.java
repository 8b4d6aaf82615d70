package org.relief.audit;

/** What an audited event did. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    VOID,
    DENIED,
    BREAK_GLASS,
    SIGN_IN,
    SIGN_IN_FAILED,
    LOCKED_OUT,
    ADMIN
}
