package org.xuncha.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meetings of the rounds; read only through a round the caller may see. */
@Repository
class Meetings {

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long roundId, Meeting.Details details) {
        return jdbc.sql("""
                        insert into planning.meeting (round_id, kind, title, starts_at, ends_at, place, attendees, minutes)
                        values (:round, :kind, :title, :startsAt, :endsAt, :place, :attendees, :minutes) returning id
                        """)
                .param("round", roundId)
                .params(params(details))
                .query(Long.class)
                .single();
    }

    void update(Meeting meeting) {
        int updated = jdbc.sql("""
                        update planning.meeting set kind = :kind, title = :title, starts_at = :startsAt, ends_at = :endsAt,
                            place = :place, attendees = :attendees, minutes = :minutes, version = version + 1
                        where id = :id and version = :version
                        """)
                .params(params(meeting.details()))
                .param("id", meeting.id())
                .param("version", meeting.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("meeting " + meeting.id() + " changed since it was read");
        }
    }

    Optional<Meeting> find(long roundId, long id) {
        return jdbc.sql("select * from planning.meeting where id = :id and round_id = :round")
                .param("id", id)
                .param("round", roundId)
                .query(Meetings::map)
                .optional();
    }

    List<Meeting> ofRound(long roundId) {
        return jdbc.sql("select * from planning.meeting where round_id = :round order by starts_at, id")
                .param("round", roundId)
                .query(Meetings::map)
                .list();
    }

    private static Map<String, @Nullable Object> params(Meeting.Details d) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("kind", d.kind().name());
        params.put(
                "title",
                d.title() == null || d.title().isBlank() ? null : d.title().strip());
        params.put("startsAt", Timestamp.valueOf(d.startsAt()));
        params.put("endsAt", d.endsAt() == null ? null : Timestamp.valueOf(d.endsAt()));
        params.put("place", d.place().strip());
        params.put("attendees", blankToNull(d.attendees()));
        params.put("minutes", blankToNull(d.minutes()));
        return params;
    }

    private static @Nullable Object blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Meeting map(ResultSet rs, int row) throws SQLException {
        Timestamp endsAt = rs.getTimestamp("ends_at");
        return new Meeting(
                rs.getLong("id"),
                rs.getLong("round_id"),
                new Meeting.Details(
                        MeetingKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getTimestamp("starts_at").toLocalDateTime(),
                        endsAt == null ? null : endsAt.toLocalDateTime(),
                        rs.getString("place"),
                        rs.getString("attendees"),
                        rs.getString("minutes")),
                rs.getInt("version"));
    }
}
