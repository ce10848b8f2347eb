package org.xuncha.feedback;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.planning.RoundId;
import org.xuncha.web.Paged;

/**
 * Feedback lists and their problems, every read bounded by township path prefixes (bind {@code :prefixes} with
 * patterns such as {@code /1/2/35/%}) and, for township liaisons, by the issued state.
 */
@Repository
class FeedbackLists {

    /** What a caller may read: the township path patterns, and whether only issued lists. */
    record Reach(List<String> prefixes, boolean issuedOnly) {

        Reach {
            prefixes = prefixes.isEmpty() ? List.of("!") : List.copyOf(prefixes);
        }

        static Reach all() {
            return new Reach(List.of("%"), false);
        }
    }

    /** A line of the inbox or the round page: a list without its problems, with their count. */
    record Line(
            long id,
            RoundId roundId,
            String townshipName,
            FeedbackList.State state,
            int problems,
            int fixedOnTheSpot,
            java.time.@Nullable LocalDate issuedOn,
            java.time.@Nullable LocalDate reportDue) {}

    private static final String COLUMNS = """
            id, round_id, township_id, township_name, township_path, state, report_months, requirements, meeting_on,
            meeting_place, meeting_attendees, issued_on, report_due, issued_by, issued_at, version""";

    private static final String WITHIN =
            " township_path like any (array[:prefixes]::text[]) and (not :issuedOnly or state = 'ISSUED')";

    private final JdbcClient jdbc;

    FeedbackLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FeedbackList> find(long id, Reach reach) {
        return jdbc.sql("select " + COLUMNS + " from feedback.feedback_list where id = :id and" + WITHIN)
                .param("id", id)
                .param("prefixes", reach.prefixes())
                .param("issuedOnly", reach.issuedOnly())
                .query(this::list)
                .optional();
    }

    Optional<FeedbackList> find(RoundId round, long townshipId) {
        return jdbc.sql("select " + COLUMNS
                        + " from feedback.feedback_list where round_id = :round and township_id = :township")
                .param("round", round.value())
                .param("township", townshipId)
                .query(this::list)
                .optional();
    }

    List<FeedbackList> ofRound(RoundId round, Reach reach) {
        return jdbc.sql("select " + COLUMNS + " from feedback.feedback_list where round_id = :round and" + WITHIN
                        + " order by id")
                .param("round", round.value())
                .param("prefixes", reach.prefixes())
                .param("issuedOnly", reach.issuedOnly())
                .query(this::list)
                .list();
    }

    /** The lists the caller may read, latest issue first, drafts after. */
    Paged<Line> page(Reach reach, int page, int size) {
        long total = jdbc.sql("select count(*) from feedback.feedback_list where" + WITHIN)
                .param("prefixes", reach.prefixes())
                .param("issuedOnly", reach.issuedOnly())
                .query(Long.class)
                .single();
        List<Line> lines = jdbc.sql(
                        """
                        select f.id, f.round_id, f.township_name, f.state, f.issued_on, f.report_due,
                               (select count(*) from feedback.listed_problem p where p.feedback_id = f.id) as problems,
                               (select count(*) from feedback.listed_problem p where p.feedback_id = f.id
                                  and p.fixed_on_the_spot) as fixed
                        from feedback.feedback_list f where""" + WITHIN.replace("township_path", "f.township_path").replace("state =", "f.state =") + """
                         order by f.issued_on desc nulls last, f.id desc limit :limit offset :offset""")
                .param("prefixes", reach.prefixes())
                .param("issuedOnly", reach.issuedOnly())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Line(
                        rs.getLong("id"),
                        new RoundId(rs.getLong("round_id")),
                        rs.getString("township_name"),
                        FeedbackList.State.valueOf(rs.getString("state")),
                        rs.getInt("problems"),
                        rs.getInt("fixed"),
                        date(rs, "issued_on"),
                        date(rs, "report_due")))
                .list();
        return new Paged<>(lines, page, size, total);
    }

    long insert(
            RoundId round,
            long townshipId,
            String townshipName,
            String townshipPath,
            int months,
            String requirements,
            String by,
            Instant at) {
        return jdbc.sql("""
                        insert into feedback.feedback_list (round_id, township_id, township_name, township_path,
                            report_months, requirements, generated_by, generated_at)
                        values (:round, :township, :name, :path, :months, :requirements, :by, :at) returning id""")
                .param("round", round.value())
                .param("township", townshipId)
                .param("name", townshipName)
                .param("path", townshipPath)
                .param("months", months)
                .param("requirements", requirements)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Stores the list's state, terms, meeting and problems if nobody changed it since it was read. */
    void update(FeedbackList list, @Nullable String regeneratedBy, Instant at) {
        FeedbackList.Meeting meeting = list.meeting();
        int rows = jdbc.sql("""
                        update feedback.feedback_list set state = :state, report_months = :months,
                            requirements = :requirements, meeting_on = :meetingOn, meeting_place = :place,
                            meeting_attendees = :attendees, issued_on = :issuedOn, report_due = :due,
                            issued_by = :issuedBy, issued_at = :issuedAt,
                            generated_by = case when :regenerated then :regeneratedBy else generated_by end,
                            generated_at = case when :regenerated then :at else generated_at end,
                            version = version + 1
                        where id = :id and version = :version""")
                .param("state", list.state().name())
                .param("months", list.reportMonths())
                .param("requirements", list.requirements())
                .param("meetingOn", meeting == null ? null : Date.valueOf(meeting.on()))
                .param("place", meeting == null ? null : meeting.place())
                .param("attendees", meeting == null ? null : meeting.attendees())
                .param("issuedOn", list.issuedOn() == null ? null : Date.valueOf(list.issuedOn()))
                .param("due", list.reportDue() == null ? null : Date.valueOf(list.reportDue()))
                .param("issuedBy", list.issuedBy())
                .param("issuedAt", list.issuedAt() == null ? null : Timestamp.from(list.issuedAt()))
                .param("regenerated", regeneratedBy != null)
                .param("regeneratedBy", regeneratedBy == null ? "" : regeneratedBy)
                .param("at", Timestamp.from(at))
                .param("id", list.id())
                .param("version", list.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("feedback list " + list.id() + " changed since it was read");
        }
        if (regeneratedBy != null) {
            jdbc.sql("delete from feedback.listed_problem where feedback_id = :id")
                    .param("id", list.id())
                    .update();
            int position = 0;
            for (FeedbackList.Problem p : list.problems()) {
                jdbc.sql("""
                                insert into feedback.listed_problem (feedback_id, position, finding_id, group_number,
                                    locality_id, locality_name, category, facts, requirement, severity,
                                    fixed_on_the_spot, petition_id)
                                values (:id, :position, :finding, :group, :locality, :localityName, :category, :facts,
                                    :requirement, :severity, :fixed, :petition)""")
                        .param("id", list.id())
                        .param("position", ++position)
                        .param("finding", p.findingId())
                        .param("group", p.groupNumber())
                        .param("locality", p.localityId())
                        .param("localityName", p.localityName())
                        .param("category", p.category())
                        .param("facts", p.facts())
                        .param("requirement", p.requirement())
                        .param("severity", p.severity())
                        .param("fixed", p.fixedOnTheSpot())
                        .param("petition", p.petitionId())
                        .update();
            }
        }
    }

    private FeedbackList list(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Date meetingOn = rs.getDate("meeting_on");
        Timestamp issuedAt = rs.getTimestamp("issued_at");
        return new FeedbackList(
                id,
                new RoundId(rs.getLong("round_id")),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("township_path"),
                FeedbackList.State.valueOf(rs.getString("state")),
                rs.getInt("report_months"),
                rs.getString("requirements"),
                meetingOn == null
                        ? null
                        : new FeedbackList.Meeting(
                                meetingOn.toLocalDate(),
                                rs.getString("meeting_place"),
                                rs.getString("meeting_attendees")),
                date(rs, "issued_on"),
                date(rs, "report_due"),
                rs.getString("issued_by"),
                issuedAt == null ? null : issuedAt.toInstant(),
                problems(id),
                rs.getInt("version"));
    }

    private List<FeedbackList.Problem> problems(long feedbackId) {
        return jdbc.sql("""
                        select finding_id, group_number, locality_id, locality_name, category, facts, requirement,
                               severity, fixed_on_the_spot, petition_id
                        from feedback.listed_problem where feedback_id = :id order by position""")
                .param("id", feedbackId)
                .query((rs, n) -> new FeedbackList.Problem(
                        rs.getLong("finding_id"),
                        rs.getInt("group_number"),
                        rs.getLong("locality_id"),
                        rs.getString("locality_name"),
                        rs.getString("category"),
                        rs.getString("facts"),
                        rs.getString("requirement"),
                        rs.getString("severity"),
                        rs.getBoolean("fixed_on_the_spot"),
                        rs.getObject("petition_id", Long.class)))
                .list();
    }

    private static java.time.@Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
