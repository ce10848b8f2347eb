package org.xuncha.organization;

import java.time.Clock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/** Changes to a 村居 made by the office: its facts and its intensity override, each audited. */
@Service
class LocalityChanges {

    private final Localities localities;
    private final AuditLog auditLog;
    private final Clock clock;

    LocalityChanges(Localities localities, AuditLog auditLog, Clock clock) {
        this.localities = localities;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    void revise(Locality locality, Locality.Facts facts) {
        Intensity before = locality.assess().suggested();
        locality.revise(facts);
        localities.save(locality);
        auditLog.record(
                AuditAction.UPDATE,
                "Locality",
                locality.id(),
                AuditOutcome.SUCCESS,
                locality.name() + ": facts revised, suggested " + before + " -> "
                        + locality.assess().suggested());
    }

    @Transactional
    void overrideIntensity(Locality locality, Intensity intensity, String reason) {
        locality.overrideIntensity(
                intensity,
                reason,
                SecurityContextHolder.getContext().getAuthentication().getName(),
                clock.instant());
        localities.save(locality);
        auditLog.record(
                AuditAction.UPDATE,
                "Locality",
                locality.id(),
                AuditOutcome.SUCCESS,
                locality.name() + ": intensity set to " + intensity + " (" + reason.strip() + ")");
    }

    @Transactional
    void clearOverride(Locality locality) {
        locality.clearOverride();
        localities.save(locality);
        auditLog.record(
                AuditAction.UPDATE,
                "Locality",
                locality.id(),
                AuditOutcome.SUCCESS,
                locality.name() + ": intensity override cleared");
    }
}
