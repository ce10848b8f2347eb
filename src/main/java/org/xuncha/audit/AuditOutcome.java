package org.xuncha.audit;

/** Whether the audited act succeeded (结果). */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
