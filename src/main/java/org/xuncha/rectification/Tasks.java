package org.xuncha.rectification;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.feedback.ListedProblem;

/** The rectification tasks with their milestones, history and evidence; every read takes a {@link TaskScope}. */
@Repository
class Tasks {

    /** A list filter; null fields do not filter. */
    record Filter(
            @Nullable Long roundId,
            @Nullable Long townshipId,
            @Nullable TaskState state,
            boolean massRaisedOpenOnly) {

        static Filter none() {
            return new Filter(null, null, null, false);
        }
    }

    /** One entry of a task's history (整改记录): who, when, what and why. */
    record HistoryEntry(
            Instant at,
            String actor,
            String action,
            @Nullable String fromState,
            @Nullable String toState,
            @Nullable String reason,
            @Nullable String note) {}

    /** One version of the task's evidence (整改佐证): a file with its SHA-256, or a note. */
    record Evidence(
            long id,
            int versionNo,
            @Nullable String fileId,
            @Nullable String fileName,
            @Nullable String sha256,
            @Nullable Long size,
            @Nullable String contentType,
            @Nullable String note,
            String addedBy,
            Instant addedAt) {}

    private final JdbcClient jdbc;

    Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enters a listed problem once: a redelivered feedback event finds the task already there. */
    boolean insert(
            long planId,
            long feedbackId,
            long roundId,
            long townshipId,
            String townshipName,
            ListedProblem problem,
            String localityPath,
            LocalDate deadline,
            String responsible) {
        return jdbc.sql("""
                        insert into rectification.task (plan_id, feedback_id, finding_id, round_id, township_id,
                            township_name, locality_id, locality_name, locality_path, category, facts, requirement,
                            fixed_on_the_spot, petition_id, deadline, responsible, state)
                        values (:plan, :feedback, :finding, :round, :township, :townshipName, :locality,
                            :localityName, :path, :category, :facts, :requirement, :fixed, :petition, :deadline,
                            :responsible, 'OPEN')
                        on conflict (feedback_id, finding_id) do nothing
                        """)
                        .param("plan", planId)
                        .param("feedback", feedbackId)
                        .param("finding", problem.findingId())
                        .param("round", roundId)
                        .param("township", townshipId)
                        .param("townshipName", townshipName)
                        .param("locality", problem.localityId())
                        .param("localityName", problem.localityName())
                        .param("path", localityPath)
                        .param("category", problem.category())
                        .param("facts", problem.facts())
                        .param("requirement", problem.requirement())
                        .param("fixed", problem.fixedOnTheSpot())
                        .param("petition", problem.petitionId())
                        .param("deadline", Date.valueOf(deadline))
                        .param("responsible", responsible)
                        .update()
                > 0;
    }

    Optional<RectificationTask> find(long id, TaskScope scope) {
        return jdbc.sql("select t.* from rectification.task t where t.id = :id and "
                        + TaskScope.within("t.locality_path", "t.township_id"))
                .params(scope.params())
                .param("id", id)
                .query(Tasks::map)
                .optional();
    }

    List<RectificationTask> list(Filter filter, TaskScope scope) {
        Map<String, @Nullable Object> params = new HashMap<>(scope.params());
        StringBuilder sql = new StringBuilder(
                "select t.* from rectification.task t where " + TaskScope.within("t.locality_path", "t.township_id"));
        if (filter.roundId() != null) {
            sql.append(" and t.round_id = :round");
            params.put("round", filter.roundId());
        }
        if (filter.townshipId() != null) {
            sql.append(" and t.township_id = :township");
            params.put("township", filter.townshipId());
        }
        if (filter.state() != null) {
            sql.append(" and t.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.massRaisedOpenOnly()) {
            sql.append(" and t.petition_id is not null and t.state <> 'CLOSED_OUT'");
        }
        sql.append(" order by t.township_name, t.locality_path, t.id");
        return jdbc.sql(sql.toString()).params(params).query(Tasks::map).list();
    }

    List<RectificationTask> ofPlan(long planId) {
        return jdbc.sql("select * from rectification.task where plan_id = :plan order by locality_path, id")
                .param("plan", planId)
                .query(Tasks::map)
                .list();
    }

    /** Every task not yet closed out, for the daily warnings. */
    List<RectificationTask> unclosed() {
        return jdbc.sql("select * from rectification.task where state <> 'CLOSED_OUT' order by id")
                .query(Tasks::map)
                .list();
    }

    void update(RectificationTask task) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("id", task.id());
        params.put("version", task.version());
        params.put("measures", task.measures());
        params.put("responsible", task.responsible());
        params.put("longTerm", task.longTerm());
        params.put("longTermReason", task.longTermReason());
        params.put("state", task.state().name());
        params.put("returns", task.returns());
        params.put("submittedOn", task.submittedOn() == null ? null : Date.valueOf(task.submittedOn()));
        params.put("closedOn", task.closedOn() == null ? null : Date.valueOf(task.closedOn()));
        params.put("publicReply", task.publicReply());
        params.put("deadline", Date.valueOf(task.deadline()));
        int updated = jdbc.sql("""
                        update rectification.task set measures = :measures, responsible = :responsible,
                            long_term = :longTerm, long_term_reason = :longTermReason, state = :state,
                            returns = :returns, submitted_on = :submittedOn, closed_on = :closedOn,
                            public_reply = :publicReply, deadline = :deadline, version = version + 1
                        where id = :id and version = :version
                        """).params(params).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("task " + task.id() + " changed since it was read");
        }
    }

    List<RectificationTask.Milestone> milestones(long taskId) {
        return jdbc.sql("select due, description from rectification.milestone where task_id = :task order by due, id")
                .param("task", taskId)
                .query((rs, i) ->
                        new RectificationTask.Milestone(rs.getDate("due").toLocalDate(), rs.getString("description")))
                .list();
    }

    void replaceMilestones(long taskId, List<RectificationTask.Milestone> milestones) {
        jdbc.sql("delete from rectification.milestone where task_id = :task")
                .param("task", taskId)
                .update();
        for (RectificationTask.Milestone m : milestones) {
            jdbc.sql("insert into rectification.milestone (task_id, due, description) values (:task, :due, :text)")
                    .param("task", taskId)
                    .param("due", Date.valueOf(m.due()))
                    .param("text", m.description())
                    .update();
        }
    }

    void history(
            long taskId,
            Instant at,
            String actor,
            String action,
            @Nullable TaskState from,
            @Nullable TaskState to,
            @Nullable String reason,
            @Nullable String note) {
        jdbc.sql("""
                        insert into rectification.task_history (task_id, at, actor, action, from_state, to_state, reason, note)
                        values (:task, :at, :actor, :action, :from, :to, :reason, :note)
                        """)
                .param("task", taskId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action)
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .param("reason", reason)
                .param("note", note)
                .update();
    }

    List<HistoryEntry> historyOf(long taskId) {
        return jdbc.sql("select * from rectification.task_history where task_id = :task order by id")
                .param("task", taskId)
                .query((rs, i) -> new HistoryEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("from_state"),
                        rs.getString("to_state"),
                        rs.getString("reason"),
                        rs.getString("note")))
                .list();
    }

    /** Adds a version of the evidence; the version number is taken under the task's row lock. */
    long addEvidence(
            long taskId,
            @Nullable String fileId,
            @Nullable String fileName,
            @Nullable String sha256,
            @Nullable Long size,
            @Nullable String contentType,
            @Nullable String note,
            String by,
            Instant at) {
        jdbc.sql("select id from rectification.task where id = :task for update")
                .param("task", taskId)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into rectification.evidence (task_id, version_no, file_id, file_name, sha256, size,
                            content_type, note, added_by, added_at)
                        values (:task, (select coalesce(max(version_no), 0) + 1 from rectification.evidence
                            where task_id = :task), :fileId, :fileName, :sha, :size, :type, :note, :by, :at)
                        returning id
                        """)
                .param("task", taskId)
                .param("fileId", fileId)
                .param("fileName", fileName)
                .param("sha", sha256)
                .param("size", size)
                .param("type", contentType)
                .param("note", note)
                .param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    List<Evidence> evidenceOf(long taskId) {
        return jdbc.sql("select * from rectification.evidence where task_id = :task order by version_no")
                .param("task", taskId)
                .query(Tasks::mapEvidence)
                .list();
    }

    Optional<Evidence> evidence(long taskId, long evidenceId) {
        return jdbc.sql("select * from rectification.evidence where task_id = :task and id = :id")
                .param("task", taskId)
                .param("id", evidenceId)
                .query(Tasks::mapEvidence)
                .optional();
    }

    private static Evidence mapEvidence(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size");
        return new Evidence(
                rs.getLong("id"),
                rs.getInt("version_no"),
                rs.getString("file_id"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.wasNull() ? null : size,
                rs.getString("content_type"),
                rs.getString("note"),
                rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }

    static RectificationTask map(ResultSet rs, int row) throws SQLException {
        long petition = rs.getLong("petition_id");
        Long petitionId = rs.wasNull() ? null : petition;
        Date submitted = rs.getDate("submitted_on");
        Date closed = rs.getDate("closed_on");
        return new RectificationTask(
                rs.getLong("id"),
                rs.getLong("plan_id"),
                rs.getLong("feedback_id"),
                rs.getLong("finding_id"),
                rs.getLong("round_id"),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getLong("locality_id"),
                rs.getString("locality_name"),
                rs.getString("locality_path"),
                rs.getString("category"),
                rs.getString("facts"),
                rs.getString("requirement"),
                rs.getBoolean("fixed_on_the_spot"),
                petitionId,
                rs.getDate("deadline").toLocalDate(),
                rs.getString("responsible"),
                rs.getString("measures"),
                rs.getBoolean("long_term"),
                rs.getString("long_term_reason"),
                TaskState.valueOf(rs.getString("state")),
                rs.getInt("returns"),
                submitted == null ? null : submitted.toLocalDate(),
                closed == null ? null : closed.toLocalDate(),
                rs.getString("public_reply"),
                rs.getInt("version"));
    }
}
