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

    /** The round's leads as counts only (raised, transferred, per receiving body); no content. */
    @Transactional(readOnly = true)
    public LeadTally leadTally(RoundId round) {
        java.util.Map<org.xuncha.identity.ReceivingBody, Long> to =
                new java.util.EnumMap<>(org.xuncha.identity.ReceivingBody.class);
        jdbc.sql("""
                        select receiver, count(*) from findings.lead
                        where round_id = :round and state <> 'RAISED' group by receiver
                        """)
                .param("round", round.value())
                .query((rs, n) -> to.put(org.xuncha.identity.ReceivingBody.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        long raised = jdbc.sql("select count(*) from findings.lead where round_id = :round")
                .param("round", round.value())
                .query(Long.class)
                .single();
        return new LeadTally(
                raised, to.values().stream().mapToLong(Long::longValue).sum(), to);
    }

    /**
     * The round's common problems (共性问题): per township and category, the findings linked as common, with the
     * number of 村居 they are in.
     */
    @Transactional(readOnly = true)
    public List<CommonProblem> commonProblems(RoundId round) {
        return jdbc.sql("""
                        select f.township_id, f.township_name, f.category, count(distinct f.locality_id) as localities,
                               array_agg(f.id order by f.id) as ids
                        from findings.finding f
                        where f.round_id = :round and exists (
                            select 1 from findings.finding_link l
                            where l.kind = 'COMMON' and (l.finding_id = f.id or l.related_id = f.id))
                        group by f.township_id, f.township_name, f.category
                        order by f.township_name, f.category
                        """)
                .param("round", round.value())
                .query((rs, n) -> new CommonProblem(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), java.util.Arrays.asList((Long[])
                                rs.getArray(5).getArray())))
                .list();
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
