package org.xuncha.findings;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/** Writes changes, views and downloads of findings and leads to the audit log, as the caller or as "system". */
@Component
class FindingsAudit {

    private final AuditLog auditLog;

    FindingsAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void record(AuditAction action, String objectType, Object objectId, @Nullable String detail) {
        record(action, objectType, objectId, AuditOutcome.SUCCESS, detail);
    }

    void record(AuditAction action, String objectType, Object objectId, AuditOutcome outcome, @Nullable String detail) {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            auditLog.recordAs("system", null, action, objectType, objectId, outcome, detail);
        } else {
            auditLog.record(action, objectType, objectId, outcome, detail);
        }
    }
}
