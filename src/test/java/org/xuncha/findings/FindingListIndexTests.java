package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The list's queries on the index of migration V15_1: 200,000 findings in 120 rounds (about the province benchmark's
 * 1,700 per round) written, analysed and explained inside one transaction that is rolled back; the page of a round
 * filtered by state reads {@code finding_list} and stops at the page (no sort of the round), the figures are read
 * from the same index. The plans are printed for the record.
 */
@SpringBootTest
class FindingListIndexTests {

    private static final long ROUND = 900_007;

    @Autowired
    @Qualifier("flywayDataSource")
    DataSource superuser;

    @Test
    void thePageOfARoundReadsTheListIndexInTheListsOrder() throws Exception {
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                long category = jdbc.sql("select min(id) from findings.category")
                        .query(Long.class)
                        .single();
                jdbc.sql("""
                        insert into findings.finding (round_id, group_number, locality_id, locality_name,
                            locality_path, township_id, township_name, category_id, category, description, source_kind,
                            severity, state, fixed_on_the_spot, recorded_by, recorded_at)
                        select 900000 + g % 120, 1, 800000 + (g / 120) % 300, '村' || (g / 120) % 300,
                            '/explain/' || (g / 120) % 300 || '/', 700000 + (g / 120) % 15, '镇', :category, '类',
                            '问题描述 ' || g, 'VISIT', 'GENERAL',
                            (array['DRAFT','SUBMITTED','LEADER_APPROVED','APPROVED','RETURNED'])[1 + (g / 7) % 5],
                            (g / 11) % 7 = 0, 'explain', now()
                        from generate_series(1, 200000) g
                        """).param("category", category).update();
                jdbc.sql("analyze findings.finding").update();
                List<Long> localities =
                        LongStream.range(800_000, 800_300).boxed().toList();
                FindingList.Where where = FindingList.Where.of(
                        new FindingList.Scope.OfRound(ROUND, localities),
                        new FindingList.Filter(null, null, FindingState.APPROVED, null));
                Map<String, Object> params = new HashMap<>(where.params());
                params.put("limit", 50);
                params.put("offset", 50);
                String page = explain(jdbc, FindingList.pageSql(where), params);
                String counts = explain(jdbc, FindingList.countsSql(where), where.params());
                FindingList.Where all = FindingList.Where.of(
                        new FindingList.Scope.OfRegions(List.of("/explain/%")),
                        new FindingList.Filter(null, null, null, null));
                Map<String, Object> allParams = new HashMap<>(all.params());
                allParams.put("limit", 50);
                allParams.put("offset", 0);
                String allRounds = explain(jdbc, FindingList.pageSql(all), allParams);
                System.out.println("EXPLAIN page of a round, state APPROVED:\n" + page);
                System.out.println("EXPLAIN figures of a round, state APPROVED:\n" + counts);
                System.out.println("EXPLAIN first page of all rounds:\n" + allRounds);
                assertThat(page).contains("finding_list").doesNotContain("Seq Scan");
                assertThat(counts).contains("finding_list").doesNotContain("Seq Scan");
                assertThat(allRounds).contains("finding_list");
            } finally {
                connection.rollback();
            }
        }
    }

    private static String explain(JdbcClient jdbc, String sql, Map<String, Object> params) {
        return String.join(
                "\n",
                jdbc.sql("explain (analyze, buffers, timing off, summary on) " + sql)
                        .params(params)
                        .query(String.class)
                        .list());
    }
}
