package org.xuncha.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * The notification centre (消息中心): other modules {@link #send} notices; a signed-in user reads those addressed to
 * them by name, or to their role within their region scope, and marks them read.
 */
@Service
public class Notifications {

    /** A notification as its reader sees it. */
    public record Received(
            long id,
            String kind,
            String subject,
            String body,
            @Nullable String link,
            Instant at,
            boolean read) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** Keeps the notice in the same transaction as the caller's change. */
    @Transactional
    public void send(Notice notice) {
        jdbc.sql("""
                        insert into notifications.notification
                            (kind, subject, body, link, recipient_user, recipient_role, region_path, created_at)
                        values (:kind, :subject, :body, :link, :user, :role, :path, :at)
                        """)
                .param("kind", notice.kind())
                .param("subject", notice.subject())
                .param("body", notice.body())
                .param("link", notice.link())
                .param("user", notice.recipientUser())
                .param("role", notice.recipientRole())
                .param("path", notice.regionPath())
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
    }

    /** The reader's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Received> of(Reader reader, int limit) {
        return jdbc.sql("select n.id, n.kind, n.subject, n.body, n.link, n.created_at,"
                        + " exists (select 1 from notifications.notification_read r where r.notification_id = n.id"
                        + " and r.username = :username) as read from notifications.notification n where "
                        + addressedTo() + " order by n.id desc limit :limit")
                .params(reader.params(regions))
                .param("limit", limit)
                .query((rs, i) -> new Received(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("read")))
                .list();
    }

    @Transactional(readOnly = true)
    public long unread(Reader reader) {
        return jdbc.sql("select count(*) from notifications.notification n where " + addressedTo()
                        + " and not exists (select 1 from notifications.notification_read r"
                        + " where r.notification_id = n.id and r.username = :username)")
                .params(reader.params(regions))
                .query(Long.class)
                .single();
    }

    /** Marks one of the reader's notifications read; false when it is not addressed to them. */
    @Transactional
    public boolean markRead(Reader reader, long id) {
        return jdbc.sql("insert into notifications.notification_read (notification_id, username, read_at)"
                                        + " select n.id, :username, :at from notifications.notification n where n.id = :id and "
                                        + addressedTo() + " on conflict do nothing")
                                .params(reader.params(regions))
                                .param("id", id)
                                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                                .update()
                        > 0
                || isAddressed(reader, id);
    }

    @Transactional
    public void markAllRead(Reader reader) {
        jdbc.sql("insert into notifications.notification_read (notification_id, username, read_at)"
                        + " select n.id, :username, :at from notifications.notification n where " + addressedTo()
                        + " on conflict do nothing")
                .params(reader.params(regions))
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
    }

    private boolean isAddressed(Reader reader, long id) {
        return jdbc.sql("select count(*) from notifications.notification n where n.id = :id and " + addressedTo())
                        .params(reader.params(regions))
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String addressedTo() {
        return "(n.recipient_user = :username or (n.recipient_role = :role"
                + " and n.region_path like any (array[:scopePrefixes]::text[])))";
    }

    /** Who reads: their username, role (without {@code ROLE_}) and region scope. */
    public record Reader(String username, @Nullable String role, RegionScope scope) {

        java.util.Map<String, Object> params(Regions regions) {
            List<String> prefixes = regions.findAll(scope.regionIds()).stream()
                    .map(r -> r.path() + "%")
                    .toList();
            return java.util.Map.of(
                    "username",
                    username,
                    "role",
                    role == null ? "" : role,
                    "scopePrefixes",
                    prefixes.isEmpty() ? List.of("!") : prefixes);
        }
    }
}
