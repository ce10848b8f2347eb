package org.xuncha.feedback;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/** Writes feedback's changes and downloads to the audit log: as the signed-in user, or as "system" for the demo. */
@Component
class FeedbackAudit {

    private final AuditLog auditLog;

    FeedbackAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void record(AuditAction action, String objectType, Object objectId, @Nullable String detail) {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            auditLog.recordAs("system", null, action, objectType, objectId, AuditOutcome.SUCCESS, detail);
        } else {
            auditLog.record(action, objectType, objectId, AuditOutcome.SUCCESS, detail);
        }
    }
}
