package org.xuncha.findings;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.RoundId;

/**
 * Findings (问题) as other modules use them (feedback, rectification, statistics): unscoped reads for their internal
 * use; callers apply their own scope before showing anything.
 */
@Service
public class Findings {

    private static final String SELECT = """
            select id, round_id, group_number, locality_id, locality_name, township_id, township_name, category,
                   description, proposed_handling, state, fixed_on_the_spot, petition_id, severity
            from findings.finding
            """;

    private final JdbcClient jdbc;

    Findings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All findings of the round (any state), unscoped, township by township and 村居 by 村居. */
    @Transactional(readOnly = true)
    public List<FindingSummary> ofRound(RoundId round) {
        return jdbc.sql(SELECT + " where round_id = :round order by township_name, locality_name, id")
                .param("round", round.value())
                .query(Findings::summary)
                .list();
    }

    /** The round's findings whose working paper the office approved (审定): the ones that go into feedback. */
    @Transactional(readOnly = true)
    public List<FindingSummary> approvedOfRound(RoundId round) {
        return jdbc.sql(SELECT
                        + " where round_id = :round and state = 'APPROVED' order by township_name, locality_name, id")
                .param("round", round.value())
                .query(Findings::summary)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<FindingSummary> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Findings::summary)
                .optional();
    }

    private static FindingSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long petition = rs.getLong("petition_id");
        Long petitionId = rs.wasNull() ? null : petition;
        return new FindingSummary(
                rs.getLong("id"),
                new RoundId(rs.getLong("round_id")),
                rs.getInt("group_number"),
                rs.getLong("locality_id"),
                rs.getString("locality_name"),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("category"),
                rs.getString("description"),
                rs.getString("proposed_handling"),
                FindingState.valueOf(rs.getString("state")),
                rs.getBoolean("fixed_on_the_spot"),
                petitionId,
                Severity.valueOf(rs.getString("severity")));
    }
}
