package org.xuncha.findings;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.documents.XlsxExport;

/**
 * The findings list (问题清单) as the list page and its .xlsx export read it: a {@link Scope} the caller may see
 * (decided by the controller from planning's round 村居 or the region scope), optional filters, one aggregate query
 * for the figures, one page ordered by (round newest first, 村居, id) with LIMIT/OFFSET on the index
 * {@code finding_list} (migration V15_1), and the whole list streamed from a server-side cursor. Reads no
 * confidential column: no people concerned, no reporter, nothing sealed.
 */
@Repository
class FindingList {

    /** Rows the PostgreSQL driver fetches per round trip while an export streams (needs the read-only transaction). */
    static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = "f.id, f.round_id, f.township_name, f.locality_name, f.category, f.severity,"
            + " f.state, f.fixed_on_the_spot, f.source_kind, f.recorded_at, f.description";
    private static final String ORDER = " order by f.round_id desc, f.locality_id, f.id";

    /**
     * Which findings the caller may see: one round's visible 村居, or every round — by (round, 村居) pairs for group
     * members, by region path prefixes for everyone else.
     */
    sealed interface Scope {

        /** The round's 村居 the caller may see (already narrowed to the chosen 村居, if any). */
        record OfRound(long roundId, List<Long> localityIds) implements Scope {}

        /** Every round, within the region scope's subtrees (path prefixes for SQL {@code like any}). */
        record OfRegions(List<String> prefixes) implements Scope {}

        /** Every round, only the given (round, 村居) pairs: a group member's own 村居 in the rounds they serve. */
        record OfGroups(List<Pair> pairs) implements Scope {}

        /** A 村居 of a round. */
        record Pair(long roundId, long localityId) {}
    }

    /** Optional filters of the list (null: any). */
    record Filter(
            @Nullable Long localityId,
            @Nullable Long categoryId,
            @Nullable FindingState state,
            @Nullable Boolean fixedOnTheSpot) {}

    /** The figures over the whole filtered list. */
    record Counts(long total, long fixedOnTheSpot, long approved) {}

    /** A finding as a list row: no confidential column. */
    record Row(
            long id,
            long roundId,
            String townshipName,
            String localityName,
            String category,
            Severity severity,
            FindingState state,
            boolean fixedOnTheSpot,
            SourceKind sourceKind,
            LocalDate recordedOn,
            String description) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    FindingList(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** Total, fixed on the spot and approved of the filtered list, in one aggregate query. */
    @Transactional(readOnly = true)
    Counts counts(Scope scope, Filter filter) {
        Where where = Where.of(scope, filter);
        return jdbc.sql(countsSql(where))
                .params(where.params())
                .query((rs, n) -> new Counts(rs.getLong("total"), rs.getLong("fixed"), rs.getLong("approved")))
                .single();
    }

    /** One page of the filtered list (page from 0). */
    @Transactional(readOnly = true)
    List<Row> page(Scope scope, Filter filter, int page, int size) {
        Where where = Where.of(scope, filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(pageSql(where)).params(params).query(this::row).list();
    }

    /** The figures' query as it is sent (also for EXPLAIN in the tests). */
    static String countsSql(Where where) {
        return "select count(*) as total, count(*) filter (where f.fixed_on_the_spot) as fixed,"
                + " count(*) filter (where f.state = 'APPROVED') as approved from findings.finding f" + where.sql();
    }

    /** The page query as it is sent (also for EXPLAIN in the tests). */
    static String pageSql(Where where) {
        return exportSql(where) + " limit :limit offset :offset";
    }

    /** The whole list's query as it is sent (also for EXPLAIN in the tests). */
    static String exportSql(Where where) {
        return "select " + COLUMNS + " from findings.finding f" + where.sql() + ORDER;
    }

    /**
     * The whole filtered list as one .xlsx sheet, streamed: the rows come from a server-side cursor ({@link
     * #FETCH_SIZE} at a time, inside this read-only transaction) through SXSSF's window; nothing holds the list.
     */
    @Transactional(readOnly = true)
    void export(
            Scope scope,
            Filter filter,
            String sheet,
            List<String> headers,
            Function<Row, List<@Nullable Object>> cells,
            OutputStream out)
            throws IOException {
        Where where = Where.of(scope, filter);
        try (Stream<List<@Nullable Object>> rows = jdbc
                .sql("select " + COLUMNS + " from findings.finding f" + where.sql() + ORDER)
                .withFetchSize(FETCH_SIZE)
                .params(where.params())
                .query((rs, n) -> cells.apply(row(rs, n)))
                .stream()) {
            XlsxExport.write(out, List.of(new XlsxExport.SheetData(sheet, headers, rows)));
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getString("township_name"),
                rs.getString("locality_name"),
                rs.getString("category"),
                Severity.valueOf(rs.getString("severity")),
                FindingState.valueOf(rs.getString("state")),
                rs.getBoolean("fixed_on_the_spot"),
                SourceKind.valueOf(rs.getString("source_kind")),
                rs.getTimestamp("recorded_at").toInstant().atZone(zone).toLocalDate(),
                rs.getString("description"));
    }

    /** The where clause of a scope and filter, with its named parameters. */
    record Where(String sql, Map<String, Object> params) {

        static Where of(Scope scope, Filter filter) {
            StringBuilder sql = new StringBuilder(" where ");
            Map<String, Object> params = new HashMap<>();
            if (scope instanceof Scope.OfRound round && !round.localityIds().isEmpty()) {
                sql.append("f.round_id = :round and f.locality_id in (:localities)");
                params.put("round", round.roundId());
                params.put("localities", round.localityIds());
            } else if (scope instanceof Scope.OfRegions regions) {
                sql.append("f.locality_path like any (array[:prefixes]::text[])");
                params.put("prefixes", FindingRecords.nonEmpty(regions.prefixes()));
            } else if (scope instanceof Scope.OfGroups groups && !groups.pairs().isEmpty()) {
                sql.append("(f.round_id, f.locality_id) in (:pairs)");
                params.put(
                        "pairs",
                        groups.pairs().stream()
                                .map(p -> new Object[] {p.roundId(), p.localityId()})
                                .toList());
            } else {
                sql.append("false");
            }
            if (filter.localityId() != null) {
                sql.append(" and f.locality_id = :locality");
                params.put("locality", filter.localityId());
            }
            if (filter.categoryId() != null) {
                sql.append(" and f.category_id = :category");
                params.put("category", filter.categoryId());
            }
            if (filter.state() != null) {
                sql.append(" and f.state = :state");
                params.put("state", filter.state().name());
            }
            if (filter.fixedOnTheSpot() != null) {
                sql.append(" and f.fixed_on_the_spot = :fixed");
                params.put("fixed", filter.fixedOnTheSpot());
            }
            return new Where(sql.toString(), params);
        }
    }
}
