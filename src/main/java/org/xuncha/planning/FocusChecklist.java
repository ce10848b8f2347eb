package org.xuncha.planning;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;

/** The office's edits of a district's focus checklist (巡察重点清单): add, revise, reorder, deactivate; audited. */
@Service
class FocusChecklist {

    private final FocusItems items;
    private final PlanningAudit audit;

    FocusChecklist(FocusItems items, PlanningAudit audit) {
        this.items = items;
        this.audit = audit;
    }

    @Transactional
    long add(long districtId, String districtPath, String title, @Nullable String description) {
        if (title.isBlank()) {
            throw new RoundRuleViolation("focus.rule.titleRequired");
        }
        long id = items.append(
                districtId,
                districtPath,
                title.strip(),
                description == null || description.isBlank() ? null : description.strip());
        audit.record(AuditAction.CREATE, "FocusItem", id, title.strip());
        return id;
    }

    @Transactional
    void revise(FocusItem item, String title, @Nullable String description, int version) {
        requireVersion(item, version);
        item.revise(title, description);
        items.update(item);
        audit.record(AuditAction.UPDATE, "FocusItem", item.id(), item.title());
    }

    @Transactional
    void setActive(FocusItem item, boolean active, int version) {
        requireVersion(item, version);
        if (active) {
            item.activate();
        } else {
            item.deactivate();
        }
        items.update(item);
        audit.record(
                AuditAction.UPDATE, "FocusItem", item.id(), item.title() + (active ? ": activated" : ": deactivated"));
    }

    @Transactional
    void move(FocusItem item, boolean up, int version) {
        requireVersion(item, version);
        items.move(item, up);
        audit.record(AuditAction.UPDATE, "FocusItem", item.id(), item.title() + (up ? ": moved up" : ": moved down"));
    }

    private static void requireVersion(FocusItem item, int version) {
        if (item.version() != version) {
            throw new OptimisticLockingFailureException("focus item " + item.id() + " changed since it was read");
        }
    }
}
