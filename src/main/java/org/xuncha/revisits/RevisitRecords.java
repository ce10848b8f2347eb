package org.xuncha.revisits;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Revisits, survey questions, responses and the threshold; reads are filtered by path prefixes of the scope. */
@Repository
class RevisitRecords {

    /** A survey question (满意度测评题目). */
    record Question(long id, int position, String text, boolean active) {}

    /** The satisfaction of one group: a 村居, a township or a round. */
    record Group(long id, String name, @Nullable String township, Satisfaction satisfaction) {}

    private final JdbcClient jdbc;

    RevisitRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String within(String column) {
        return column + " like any (array[:scopePrefixes]::text[])";
    }

    long insert(Revisit r, Instant at) {
        return jdbc.sql("""
                        insert into revisits.revisit (round_id, locality_id, locality_name, township_id, township_name,
                            locality_path, visited_on, visitors, method, met, residents_said, survey_token, recorded_by,
                            recorded_at)
                        values (:round, :locality, :localityName, :township, :townshipName, :path, :on, :visitors,
                            :method, :met, :said, :token, :by, :at) returning id
                        """)
                .param("round", r.roundId())
                .param("locality", r.localityId())
                .param("localityName", r.localityName())
                .param("township", r.townshipId())
                .param("townshipName", r.townshipName())
                .param("path", r.localityPath())
                .param("on", Date.valueOf(r.visitedOn()))
                .param("visitors", r.visitors())
                .param("method", r.method().name())
                .param("met", r.met())
                .param("said", r.residentsSaid())
                .param("token", r.surveyToken())
                .param("by", r.recordedBy())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    void updateNotes(long id, int version, String met, @Nullable String residentsSaid) {
        int updated = jdbc.sql("update revisits.revisit set met = :met, residents_said = :said, version = version + 1"
                        + " where id = :id and version = :version")
                .param("met", met)
                .param("said", residentsSaid)
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("revisit " + id + " changed since it was read");
        }
    }

    Optional<Revisit> find(long id, List<String> scopePrefixes) {
        return jdbc.sql("select * from revisits.revisit r where r.id = :id and " + within("r.locality_path"))
                .param("id", id)
                .param("scopePrefixes", scopePrefixes)
                .query(RevisitRecords::map)
                .optional();
    }

    Optional<Revisit> byToken(String token) {
        return jdbc.sql("select * from revisits.revisit where survey_token = :token")
                .param("token", token)
                .query(RevisitRecords::map)
                .optional();
    }

    List<Revisit> list(List<String> scopePrefixes) {
        return jdbc.sql("select * from revisits.revisit r where " + within("r.locality_path")
                        + " order by r.visited_on desc, r.id desc")
                .param("scopePrefixes", scopePrefixes)
                .query(RevisitRecords::map)
                .list();
    }

    List<Question> questions(boolean activeOnly) {
        return jdbc.sql("select * from revisits.question" + (activeOnly ? " where active" : "")
                        + " order by position, id")
                .query((rs, i) -> new Question(
                        rs.getLong("id"), rs.getInt("position"), rs.getString("text"), rs.getBoolean("active")))
                .list();
    }

    void addQuestion(String text) {
        jdbc.sql("insert into revisits.question (position, text) values ("
                        + "(select coalesce(max(position), 0) + 1 from revisits.question), :t)")
                .param("t", text)
                .update();
    }

    void setQuestionActive(long id, boolean active) {
        jdbc.sql("update revisits.question set active = :a where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
    }

    /**
     * Records one respondent's answers; with a submission code, a second submission of the same code records nothing
     * and answers false.
     */
    boolean respond(
            long revisitId,
            String channel,
            @Nullable String submissionCode,
            Map<Long, SurveyAnswer> answers,
            Instant at) {
        Long id = jdbc.sql("""
                        insert into revisits.response (revisit_id, channel, submission_code, recorded_at)
                        values (:revisit, :channel, :code, :at)
                        on conflict (submission_code) do nothing returning id
                        """)
                .param("revisit", revisitId)
                .param("channel", channel)
                .param("code", submissionCode)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            return false;
        }
        answers.forEach((question, answer) -> jdbc.sql(
                        "insert into revisits.answer (response_id, question_id, answer) values (:r, :q, :a)")
                .param("r", id)
                .param("q", question)
                .param("a", answer.name())
                .update());
        return true;
    }

    Satisfaction ofRevisit(long revisitId) {
        return jdbc.sql(SATISFACTION + " where v.id = :id")
                .param("id", revisitId)
                .query(RevisitRecords::satisfaction)
                .single();
    }

    /** Satisfaction per 村居, township or round within the scope. */
    enum Level {
        LOCALITY("v.locality_id, v.locality_name, v.township_name", "v.locality_id, v.locality_name, v.township_name"),
        TOWNSHIP("v.township_id, v.township_name, cast(null as text)", "v.township_id, v.township_name"),
        ROUND("v.round_id, cast(v.round_id as text), cast(null as text)", "v.round_id");

        private final String select;
        private final String groupBy;

        Level(String select, String groupBy) {
            this.select = select;
            this.groupBy = groupBy;
        }
    }

    List<Group> by(Level level, List<String> scopePrefixes) {
        return jdbc.sql("select " + level.select + ", " + AGGREGATES + FROM + " where " + within("v.locality_path")
                        + " group by " + level.groupBy + " order by 2")
                .param("scopePrefixes", scopePrefixes)
                .query((rs, i) -> new Group(rs.getLong(1), rs.getString(2), rs.getString(3), satisfaction(rs, i)))
                .list();
    }

    int threshold() {
        return jdbc.sql("select threshold from revisits.settings where id = 1")
                .query(Integer.class)
                .single();
    }

    void setThreshold(int threshold) {
        jdbc.sql("update revisits.settings set threshold = :t, version = version + 1 where id = 1")
                .param("t", threshold)
                .update();
    }

    private static final String AGGREGATES = """
            count(distinct s.id) as respondents,
            count(a.answer) filter (where a.answer = 'SATISFIED') as satisfied,
            count(a.answer) filter (where a.answer = 'BASICALLY_SATISFIED') as basically,
            count(a.answer) filter (where a.answer = 'DISSATISFIED') as dissatisfied""";

    private static final String FROM = """
             from revisits.revisit v
            left join revisits.response s on s.revisit_id = v.id
            left join revisits.answer a on a.response_id = s.id""";

    private static final String SATISFACTION = "select " + AGGREGATES + FROM;

    private static Satisfaction satisfaction(ResultSet rs, int row) throws SQLException {
        return new Satisfaction(
                rs.getLong("respondents"),
                rs.getLong("satisfied"),
                rs.getLong("basically"),
                rs.getLong("dissatisfied"));
    }

    private static Revisit map(ResultSet rs, int row) throws SQLException {
        return new Revisit(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getLong("locality_id"),
                rs.getString("locality_name"),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("locality_path"),
                rs.getDate("visited_on").toLocalDate(),
                rs.getString("visitors"),
                RevisitMethod.valueOf(rs.getString("method")),
                rs.getString("met"),
                rs.getString("residents_said"),
                rs.getString("survey_token"),
                rs.getString("recorded_by"),
                rs.getInt("version"));
    }
}
