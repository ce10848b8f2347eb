package org.xuncha.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.web.Paged;

/** Reads the audit log (审计记录) for the audit admin's list, export and chain verification. */
@Repository
class AuditEvents {

    private static final String COLUMNS = "select id, occurred_at, actor, actor_role, action, object_type, object_id,"
            + " outcome, detail, client_ip, prev_hash, hash from audit.audit_event";

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Paged<AuditEntry> search(AuditFilter filter, ZoneId zone, int page, int size) {
        Where where = Where.of(filter, zone);
        long total = jdbc.sql("select count(*) from audit.audit_event" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql(COLUMNS + where.sql() + orderBy(filter) + " limit :size offset :offset")
                .params(where.params())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AuditEvents::map)
                .list();
        return new Paged<>(items, page, size, total);
    }

    long count(AuditFilter filter, ZoneId zone) {
        Where where = Where.of(filter, zone);
        return jdbc.sql("select count(*) from audit.audit_event" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** Every matching row in the filter's order, read lazily in batches by id (no offset, no open cursor). */
    Stream<AuditEntry> stream(AuditFilter filter, ZoneId zone, int batchSize) {
        Where where = Where.of(filter, zone);
        boolean newestFirst = filter.effectiveOrder() == AuditFilter.Order.NEWEST_FIRST;
        String keyset = (where.sql().isEmpty() ? " where " : " and ") + (newestFirst ? "id < :after" : "id > :after");
        Iterator<AuditEntry> rows = new Iterator<>() {
            private List<AuditEntry> batch = List.of();
            private int next;
            private long after = newestFirst ? Long.MAX_VALUE : 0;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (next < batch.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                batch = jdbc.sql(COLUMNS + where.sql() + keyset + orderBy(filter) + " limit :size")
                        .params(where.params())
                        .param("after", after)
                        .param("size", batchSize)
                        .query(AuditEvents::map)
                        .list();
                next = 0;
                exhausted = batch.size() < batchSize;
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).id();
                }
                return !batch.isEmpty();
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }

    /** Up to {@code limit} rows after the given id, in id order: the chain as it was written. */
    List<AuditEntry> inIdOrder(long afterId, int limit) {
        return jdbc.sql(COLUMNS + " where id > :after order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(AuditEvents::map)
                .list();
    }

    private static String orderBy(AuditFilter filter) {
        return switch (filter.effectiveOrder()) {
            case NEWEST_FIRST -> " order by id desc";
            case OLDEST_FIRST -> " order by id asc";
        };
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("outcome"),
                rs.getString("detail"),
                rs.getString("client_ip"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The where clause of a filter: fixed text per field, values only as parameters. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(AuditFilter filter, ZoneId zone) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (filter.actorName() != null) {
                conditions.add("actor = :actor");
                params.put("actor", filter.actorName());
            }
            if (filter.action() != null) {
                conditions.add("action = :action");
                params.put("action", filter.action().name());
            }
            if (filter.outcome() != null) {
                conditions.add("outcome = :outcome");
                params.put("outcome", filter.outcome().name());
            }
            if (filter.from() != null) {
                conditions.add("occurred_at >= :from");
                params.put(
                        "from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
            }
            if (filter.to() != null) {
                conditions.add("occurred_at < :to");
                params.put(
                        "to",
                        Timestamp.from(
                                filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
        }
    }
}
