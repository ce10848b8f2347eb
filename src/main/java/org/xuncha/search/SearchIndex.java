package org.xuncha.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.web.Paged;

/**
 * The full-text index (全文检索索引) every module writes its searchable records into and the search page reads:
 * {@link #put} after a record is created or changed (in the same transaction), {@link #remove} when it is deleted,
 * {@link #search} bounded by the caller's {@link SearchScope} in the query itself.
 */
@Service
public class SearchIndex {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    SearchIndex(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Adds the entry, or replaces the one of the same kind and record id. */
    @Transactional
    public void put(SearchEntry entry) {
        put(entry, "");
    }

    /**
     * Adds the entry with words of a confidential text (e.g. talk notes, kept encrypted by their module) that make it
     * findable, while only the entry's own text is kept and shown as the snippet: the confidential text is not stored
     * here, neither in clear nor as words, only as the blind index tokens of its words ({@link
     * FieldCipher#blindIndex}), which a query's words are matched against in the same way.
     */
    @Transactional
    public void putConfidential(SearchEntry entry, String confidentialText) {
        put(entry, confidentialText);
    }

    private void put(SearchEntry entry, String confidentialText) {
        jdbc.sql("""
                        insert into search.entry (kind, record_id, round_id, locality_id, path, visibility, title, body,
                            link, words, updated_at)
                        values (:kind, :recordId, :roundId, :localityId, :path, :visibility, :title, :body, :link,
                            cast(:words as tsvector), now())
                        on conflict (kind, record_id) do update set round_id = excluded.round_id,
                            locality_id = excluded.locality_id, path = excluded.path,
                            visibility = excluded.visibility, title = excluded.title, body = excluded.body,
                            link = excluded.link, words = excluded.words, updated_at = now()
                        """)
                .param("kind", entry.kind().name())
                .param("recordId", entry.recordId())
                .param("roundId", entry.roundId())
                .param("localityId", entry.localityId())
                .param("path", entry.regionPath())
                .param("visibility", entry.visibility().name())
                .param("title", entry.title())
                .param("body", entry.text())
                .param("link", entry.link())
                .param(
                        "words",
                        ChineseSegmenter.tsvector(entry.title(), entry.text(), confidentialText, cipher::blindIndex))
                .update();
    }

    @Transactional
    public void remove(SearchKind kind, long recordId) {
        jdbc.sql("delete from search.entry where kind = :kind and record_id = :recordId")
                .param("kind", kind.name())
                .param("recordId", recordId)
                .update();
    }

    /**
     * The entries of the given kinds (all when empty) that hold every meaningful word of the query and lie within the
     * scope, best first (title hits and more of the query's words rank higher), with the words marked.
     */
    @Transactional(readOnly = true)
    public Paged<SearchHit> search(String query, SearchScope scope, Collection<SearchKind> kinds, int page, int size) {
        List<List<String>> required = ChineseSegmenter.requiredTerms(query);
        int pageNumber = Paged.pageNumber(page);
        int pageSize = Paged.pageSize(size);
        if (required.isEmpty() || scope.isEmpty()) {
            return new Paged<>(List.of(), pageNumber, pageSize, 0);
        }
        Set<String> all = ChineseSegmenter.allWords(query);
        Set<String> marks = ChineseSegmenter.marks(required);
        List<String> kindNames = (kinds.isEmpty() ? EnumSet.allOf(SearchKind.class) : EnumSet.copyOf(kinds))
                .stream().map(Enum::name).toList();
        String where = """
                 from search.entry e
                 where e.words @@ cast(:query as tsquery)
                   and e.path like any (array[:prefixes]::text[])
                   and e.visibility in (:visibilities)
                   and e.kind in (:kinds)
                   and (:anyLocality or (e.round_id::text || ':' || e.locality_id::text) = any (array[:pairs]::text[]))
                """;
        long total = bind(jdbc.sql("select count(*)" + where), required, scope, kindNames)
                .query(Long.class)
                .single();
        List<Row> rows = bind(
                        jdbc.sql("select e.kind, e.record_id, e.round_id, e.locality_id, e.title, e.body, e.link,"
                                + " e.updated_at, ts_rank(e.words, cast(:rankQuery as tsquery)) as rank" + where
                                + " order by rank desc, e.updated_at desc, e.kind, e.record_id desc"
                                + " limit :limit offset :offset"),
                        required,
                        scope,
                        kindNames)
                .param("rankQuery", ChineseSegmenter.tsquery(blindedToo(all), "|"))
                .param("limit", pageSize)
                .param("offset", (long) pageNumber * pageSize)
                .query(SearchIndex::row)
                .list();
        List<SearchHit> hits = new ArrayList<>();
        for (Row row : rows) {
            hits.add(new SearchHit(
                    row.kind,
                    row.recordId,
                    row.roundId,
                    row.localityId,
                    row.link,
                    Highlighter.mark(row.title, marks),
                    Highlighter.snippet(row.body, marks),
                    row.rank,
                    row.updatedAt.toInstant()));
        }
        return new Paged<>(hits, pageNumber, pageSize, total);
    }

    /** The words and their blind index tokens, so that hits in confidential text rank too. */
    private Set<String> blindedToo(Set<String> words) {
        Set<String> all = new java.util.LinkedHashSet<>(words);
        words.forEach(w -> all.add(cipher.blindIndex(w)));
        return all;
    }

    /** How many entries the index holds for a kind (for checks after re-indexing). */
    @Transactional(readOnly = true)
    public long count(SearchKind kind) {
        return jdbc.sql("select count(*) from search.entry where kind = :kind")
                .param("kind", kind.name())
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, List<List<String>> required, SearchScope scope, List<String> kinds) {
        Set<String> pairs = scope.roundLocalities();
        return spec.param("query", ChineseSegmenter.tsquery(required, cipher::blindIndex))
                .param("prefixes", scope.regionPrefixes())
                .param(
                        "visibilities",
                        scope.visibilities().stream().map(Enum::name).toList())
                .param("kinds", kinds)
                .param("anyLocality", pairs == null)
                .param("pairs", pairs == null || pairs.isEmpty() ? List.of("!") : List.copyOf(pairs));
    }

    private record Row(
            SearchKind kind,
            long recordId,
            @Nullable Long roundId,
            @Nullable Long localityId,
            String title,
            String body,
            String link,
            Timestamp updatedAt,
            double rank) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                SearchKind.valueOf(rs.getString("kind")),
                rs.getLong("record_id"),
                rs.getObject("round_id", Long.class),
                rs.getObject("locality_id", Long.class),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getTimestamp("updated_at"),
                rs.getDouble("rank"));
    }
}
