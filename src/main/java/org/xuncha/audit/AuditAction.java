package org.xuncha.audit;

/** What an audit entry records (审计事项). */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    ACCESS_DENIED,
    CREATE,
    UPDATE,
    DELETE,
    IMPORT,
    EXPORT,
    VIEW_CONFIDENTIAL,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ROLE_ASSIGNED,
    SESSIONS_REVOKED,
    CHAIN_VERIFIED
}
