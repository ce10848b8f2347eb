package org.xuncha.audit;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit admin's filter (审计日志查询条件): every field is a value bound as a parameter, the order is an enum, so
 * no text of the request ever becomes SQL. Dates are whole days, both inclusive.
 */
record AuditFilter(
        @Size(max = 100) @Nullable String actor,
        @Nullable AuditAction action,
        @Nullable AuditOutcome outcome,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate from,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate to,

        @Nullable Order order) {

    /** The orders the list offers. */
    enum Order {
        NEWEST_FIRST,
        OLDEST_FIRST
    }

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    @Nullable
    String actorName() {
        return actor == null || actor.isBlank() ? null : actor.strip();
    }

    Order effectiveOrder() {
        return order == null ? Order.NEWEST_FIRST : order;
    }

    /** For the audit entry of an export: which rows were exported. */
    String describe() {
        return "actor=" + (actorName() == null ? "*" : actorName()) + ", action=" + (action == null ? "*" : action)
                + ", outcome=" + (outcome == null ? "*" : outcome) + ", from=" + (from == null ? "*" : from)
                + ", to=" + (to == null ? "*" : to);
    }
}
