package org.xuncha.feedback;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's pilot round and its findings for feedback tests: waits for the findings demo, approves every finding of
 * the pilot for a test (as the office would have, one by one) and puts the demo back afterwards, removing the
 * feedback lists, report and seal the test made, so other test classes sharing the context see the demo as it was.
 */
final class PilotFindings {

    record Saved(
            long id, String state, String peopleConcerned, String sourceNote, String description, Long petitionId) {}

    private final JdbcClient jdbc;
    final long roundId;
    private List<Saved> saved = List.of();

    PilotFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .until(() ->
                        jdbc.sql("select count(*) from findings.finding f join planning.round r on r.id = f.round_id"
                                                + " where r.kind = 'PILOT'")
                                        .query(Long.class)
                                        .single()
                                > 0);
        roundId = jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single();
    }

    List<Saved> remember() {
        saved = jdbc.sql(
                        "select id, state, people_concerned, source_note, description, petition_id from findings.finding"
                                + " where round_id = :round order by id")
                .param("round", roundId)
                .query((rs, n) -> new Saved(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, Long.class)))
                .list();
        return saved;
    }

    void approveAll() {
        jdbc.sql("update findings.finding set state = 'APPROVED' where round_id = :round")
                .param("round", roundId)
                .update();
    }

    Map<String, Long> listIds() {
        return jdbc
                .sql("select township_name, id from feedback.feedback_list where round_id = :round")
                .param("round", roundId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Puts the pilot's findings back as the demo made them and removes what the test added in feedback. */
    void restore(JdbcClient superuser) {
        for (Saved s : saved) {
            superuser
                    .sql("update findings.finding set state = :state, people_concerned = :people, source_note = :note,"
                            + " description = :description, petition_id = :petition where id = :id")
                    .param("state", s.state())
                    .param("people", s.peopleConcerned())
                    .param("note", s.sourceNote())
                    .param("description", s.description())
                    .param("petition", s.petitionId())
                    .param("id", s.id())
                    .update();
        }
        for (String table : List.of("seal_part", "sealed_document", "seal", "round_report")) {
            superuser
                    .sql("delete from feedback." + table + " where round_id = :round")
                    .param("round", roundId)
                    .update();
        }
        superuser
                .sql("delete from feedback.feedback_list where round_id = :round")
                .param("round", roundId)
                .update();
    }
}
