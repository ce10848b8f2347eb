package org.xuncha.rectification;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.feedback.FeedbackIssued;

/** The townships' rectification plans, read within a {@link TaskScope}. */
@Repository
class Plans {

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan of the feedback list, created once however often the event arrives. */
    long ensure(FeedbackIssued feedback, String townshipPath) {
        jdbc.sql("""
                        insert into rectification.plan (feedback_id, round_id, township_id, township_name,
                            township_path, issued_on, report_due, state)
                        values (:feedback, :round, :township, :name, :path, :issued, :due, 'DRAFT')
                        on conflict (feedback_id) do nothing
                        """)
                .param("feedback", feedback.feedbackId())
                .param("round", feedback.roundId().value())
                .param("township", feedback.townshipId())
                .param("name", feedback.townshipName())
                .param("path", townshipPath)
                .param("issued", Date.valueOf(feedback.issuedOn()))
                .param("due", Date.valueOf(feedback.reportDue()))
                .update();
        return jdbc.sql("select id from rectification.plan where feedback_id = :feedback")
                .param("feedback", feedback.feedbackId())
                .query(Long.class)
                .single();
    }

    Optional<RectificationPlan> find(long id, TaskScope scope) {
        return jdbc.sql("select p.* from rectification.plan p where p.id = :id and "
                        + TaskScope.within("p.township_path", "p.township_id"))
                .params(scope.params())
                .param("id", id)
                .query(Plans::map)
                .optional();
    }

    List<RectificationPlan> list(TaskScope scope) {
        return jdbc.sql("select p.* from rectification.plan p where "
                        + TaskScope.within("p.township_path", "p.township_id")
                        + " order by p.issued_on desc, p.township_name")
                .params(scope.params())
                .query(Plans::map)
                .list();
    }

    String townshipPath(long planId) {
        return jdbc.sql("select township_path from rectification.plan where id = :id")
                .param("id", planId)
                .query(String.class)
                .single();
    }

    void update(RectificationPlan plan) {
        int updated = jdbc.sql("""
                        update rectification.plan set state = :state, summary = :summary, office_note = :note,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("state", plan.state().name())
                .param("summary", plan.summary())
                .param("note", plan.officeNote())
                .param("id", plan.id())
                .param("version", plan.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("plan " + plan.id() + " changed since it was read");
        }
    }

    static RectificationPlan map(ResultSet rs, int row) throws SQLException {
        return new RectificationPlan(
                rs.getLong("id"),
                rs.getLong("feedback_id"),
                rs.getLong("round_id"),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("township_path"),
                rs.getDate("issued_on").toLocalDate(),
                rs.getDate("report_due").toLocalDate(),
                PlanState.valueOf(rs.getString("state")),
                rs.getString("summary"),
                rs.getString("office_note"),
                rs.getInt("version"));
    }
}
