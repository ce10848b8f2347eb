package org.xuncha.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries to the audit log (审计日志). An entry joins the caller's transaction, so a change and its audit
 * entry commit or roll back together; entries are chained by SM3 under a database lock so concurrent writers on
 * several nodes still form one chain.
 */
@Service
public class AuditLog {

    private static final long CHAIN_LOCK = 0x58554e4348414c4cL; // "XUNCHALL"

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an act of the signed-in user (or "anonymous"). */
    @Transactional
    public void record(
            AuditAction action,
            String objectType,
            @Nullable Object objectId,
            AuditOutcome outcome,
            @Nullable String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor =
                authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
        String role = authentication == null
                ? null
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5))
                        .findFirst()
                        .orElse(null);
        recordAs(actor, role, action, objectType, objectId, outcome, detail);
    }

    /** Records an act on behalf of a named actor (sign-in attempts, system jobs). */
    @Transactional
    public void recordAs(
            String actor,
            @Nullable String actorRole,
            AuditAction action,
            String objectType,
            @Nullable Object objectId,
            AuditOutcome outcome,
            @Nullable String detail) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", CHAIN_LOCK)
                .query()
                .singleRow();
        String previous = jdbc.sql("select hash from audit.audit_event order by id desc limit 1")
                .query(String.class)
                .optional()
                .orElse(AuditEntry.GENESIS);
        AuditEntry entry = new AuditEntry(
                0,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                actor,
                actorRole,
                action.name(),
                objectType,
                objectId == null ? null : Objects.toString(objectId),
                outcome.name(),
                truncate(detail),
                clientIp(),
                previous,
                "");
        jdbc.sql("""
                insert into audit.audit_event
                    (occurred_at, actor, actor_role, action, object_type, object_id, outcome, detail, client_ip, prev_hash, hash)
                values (:at, :actor, :role, :action, :type, :objectId, :outcome, :detail, :ip, :prev, :hash)
                """)
                .param("at", java.sql.Timestamp.from(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("role", entry.actorRole())
                .param("action", entry.action())
                .param("type", entry.objectType())
                .param("objectId", entry.objectId())
                .param("outcome", entry.outcome())
                .param("detail", entry.detail())
                .param("ip", entry.clientIp())
                .param("prev", previous)
                .param("hash", entry.computeHash())
                .update();
    }

    private static @Nullable String truncate(@Nullable String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    private static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
