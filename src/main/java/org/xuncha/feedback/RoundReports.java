package org.xuncha.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.planning.RoundId;

/** Round reports, one per round; callers check the round's scope first. */
@Repository
class RoundReports {

    private final JdbcClient jdbc;

    RoundReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RoundReport> find(RoundId round) {
        return jdbc.sql("""
                        select round_id, overview, work_done, findings_text, common_problems, recommendations,
                               finalized_by, finalized_at, version
                        from feedback.round_report where round_id = :round""")
                .param("round", round.value())
                .query((rs, n) -> {
                    Timestamp finalizedAt = rs.getTimestamp("finalized_at");
                    return new RoundReport(
                            new RoundId(rs.getLong("round_id")),
                            new RoundReport.Sections(
                                    rs.getString("overview"),
                                    rs.getString("work_done"),
                                    rs.getString("findings_text"),
                                    rs.getString("common_problems"),
                                    rs.getString("recommendations")),
                            rs.getString("finalized_by"),
                            finalizedAt == null ? null : finalizedAt.toInstant(),
                            rs.getInt("version"));
                })
                .optional();
    }

    void insert(RoundId round, RoundReport.Sections sections, String by, Instant at) {
        jdbc.sql("""
                        insert into feedback.round_report (round_id, overview, work_done, findings_text,
                            common_problems, recommendations, updated_by, updated_at)
                        values (:round, :overview, :workDone, :findings, :common, :recommendations, :by, :at)""")
                .param("round", round.value())
                .param("overview", sections.overview())
                .param("workDone", sections.workDone())
                .param("findings", sections.findingsText())
                .param("common", sections.commonProblems())
                .param("recommendations", sections.recommendations())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void update(RoundReport report, String by, Instant at) {
        RoundReport.Sections s = report.sections();
        int rows = jdbc.sql("""
                        update feedback.round_report set overview = :overview, work_done = :workDone,
                            findings_text = :findings, common_problems = :common, recommendations = :recommendations,
                            finalized_by = :finalizedBy, finalized_at = :finalizedAt, updated_by = :by,
                            updated_at = :at, version = version + 1
                        where round_id = :round and version = :version""")
                .param("overview", s.overview())
                .param("workDone", s.workDone())
                .param("findings", s.findingsText())
                .param("common", s.commonProblems())
                .param("recommendations", s.recommendations())
                .param("finalizedBy", report.finalizedBy())
                .param("finalizedAt", report.finalizedAt() == null ? null : Timestamp.from(report.finalizedAt()))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("round", report.roundId().value())
                .param("version", report.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("round report " + report.roundId() + " changed since read");
        }
    }
}
