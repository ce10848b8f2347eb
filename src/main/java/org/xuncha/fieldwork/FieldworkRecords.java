package org.xuncha.fieldwork;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.fieldwork.Records.Attachment;
import org.xuncha.fieldwork.Records.Broadcast;
import org.xuncha.fieldwork.Records.Examination;
import org.xuncha.fieldwork.Records.HouseholdVisit;
import org.xuncha.fieldwork.Records.NoticePosting;
import org.xuncha.fieldwork.Records.NoticeTemplate;
import org.xuncha.fieldwork.Records.Talk;
import org.xuncha.fieldwork.Records.VisitExcuse;

/**
 * The fieldwork tables. Every read names the round and the 村居 the caller may see ({@code localities}), so a record
 * outside them is simply not found.
 */
@Repository
class FieldworkRecords {

    /** Where a record is: the round, the 村居 and its region path (copied for scope filters). */
    record Place(long roundId, long localityId, String path) {}

    /** Bytes sent to the server per COPY message. */
    private static final int COPY_BUFFER = 64 * 1024;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    FieldworkRecords(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    private static List<Long> ids(Collection<Long> localities) {
        return localities.isEmpty() ? List.of(-1L) : List.copyOf(localities);
    }

    // 公告 ---------------------------------------------------------------------------------------------------------

    Optional<NoticeTemplate> template(long roundId) {
        return jdbc.sql("select round_id, title, accepts, closing, version from fieldwork.notice_template"
                        + " where round_id = :round")
                .param("round", roundId)
                .query(NoticeTemplate.class)
                .optional();
    }

    /** Saves the wording; {@code version} is the one read (-1 when there was none yet). */
    void saveTemplate(NoticeTemplate template, int version, String by, Instant at) {
        int changed;
        if (version < 0) {
            changed = jdbc.sql("insert into fieldwork.notice_template (round_id, title, accepts, closing, version,"
                            + " updated_by, updated_at) values (:round, :title, :accepts, :closing, 0, :by, :at)"
                            + " on conflict (round_id) do nothing")
                    .param("round", template.roundId())
                    .param("title", template.title())
                    .param("accepts", template.accepts())
                    .param("closing", template.closing())
                    .param("by", by)
                    .param("at", Timestamp.from(at))
                    .update();
        } else {
            changed = jdbc.sql("update fieldwork.notice_template set title = :title, accepts = :accepts,"
                            + " closing = :closing, version = version + 1, updated_by = :by, updated_at = :at"
                            + " where round_id = :round and version = :version")
                    .param("round", template.roundId())
                    .param("title", template.title())
                    .param("accepts", template.accepts())
                    .param("closing", template.closing())
                    .param("by", by)
                    .param("at", Timestamp.from(at))
                    .param("version", version)
                    .update();
        }
        if (changed == 0) {
            throw new OptimisticLockingFailureException(
                    "notice of round " + template.roundId() + " changed since it was read");
        }
    }

    long insertPosting(Place place, NoticePosting p) {
        return jdbc.sql("insert into fieldwork.notice_posting (round_id, locality_id, path, villager_group,"
                        + " natural_village, location, copies, posted_on, photo_id, recorded_by, recorded_at)"
                        + " values (:round, :locality, :path, :group, :village, :location, :copies, :on, :photo,"
                        + " :by, :at) returning id")
                .param("round", place.roundId())
                .param("locality", place.localityId())
                .param("path", place.path())
                .param("group", p.villagerGroup())
                .param("village", p.naturalVillage())
                .param("location", p.location())
                .param("copies", p.copies())
                .param("on", p.postedOn())
                .param("photo", p.photoId())
                .param("by", p.recordedBy())
                .param("at", Timestamp.from(p.recordedAt()))
                .query(Long.class)
                .single();
    }

    List<NoticePosting> postings(long roundId, Collection<Long> localities) {
        return jdbc.sql("select id, round_id, locality_id, villager_group, natural_village, location, copies,"
                        + " posted_on, photo_id, recorded_by, recorded_at from fieldwork.notice_posting"
                        + " where round_id = :round and locality_id in (:localities) order by posted_on, id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(NoticePosting.class)
                .list();
    }

    long insertBroadcast(Place place, Broadcast b) {
        return jdbc.sql("insert into fieldwork.broadcast (round_id, locality_id, path, broadcast_on, place, times,"
                        + " recorded_by, recorded_at) values (:round, :locality, :path, :on, :place, :times, :by, :at)"
                        + " returning id")
                .param("round", place.roundId())
                .param("locality", place.localityId())
                .param("path", place.path())
                .param("on", b.broadcastOn())
                .param("place", b.place())
                .param("times", b.times())
                .param("by", b.recordedBy())
                .param("at", Timestamp.from(b.recordedAt()))
                .query(Long.class)
                .single();
    }

    List<Broadcast> broadcasts(long roundId, Collection<Long> localities) {
        return jdbc.sql("select id, round_id, locality_id, broadcast_on, place, times, recorded_by, recorded_at"
                        + " from fieldwork.broadcast where round_id = :round and locality_id in (:localities)"
                        + " order by broadcast_on, id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(Broadcast.class)
                .list();
    }

    // 谈话 ---------------------------------------------------------------------------------------------------------

    long insertTalk(Place place, Talk t) {
        return jdbc.sql("insert into fieldwork.talk (round_id, locality_id, path, kind, held_on, place, inspectors,"
                        + " inspector_count, participants, person_times, topic, notes_cipher, recorded_by, recorded_at)"
                        + " values (:round, :locality, :path, :kind, :on, :place, :inspectors, :count, :participants,"
                        + " :personTimes, :topic, :notes, :by, :at) returning id")
                .param("round", place.roundId())
                .param("locality", place.localityId())
                .param("path", place.path())
                .param("kind", t.kind().name())
                .param("on", t.heldOn())
                .param("place", t.place())
                .param("inspectors", t.inspectors())
                .param("count", t.inspectorCount())
                .param("participants", t.participants())
                .param("personTimes", t.personTimes())
                .param("topic", t.topic())
                .param("notes", t.notesCipher())
                .param("by", t.recordedBy())
                .param("at", Timestamp.from(t.recordedAt()))
                .query(Long.class)
                .single();
    }

    List<Talk> talks(long roundId, Collection<Long> localities) {
        return jdbc.sql("select * from fieldwork.talk where round_id = :round and locality_id in (:localities)"
                        + " order by held_on, id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(FieldworkRecords::talk)
                .list();
    }

    Optional<Talk> talk(long id, long roundId, Collection<Long> localities) {
        return jdbc.sql("select * from fieldwork.talk where id = :id and round_id = :round"
                        + " and locality_id in (:localities)")
                .param("id", id)
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(FieldworkRecords::talk)
                .optional();
    }

    private static Talk talk(ResultSet rs, int n) throws SQLException {
        return new Talk(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getLong("locality_id"),
                TalkKind.valueOf(rs.getString("kind")),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("place"),
                rs.getString("inspectors"),
                rs.getInt("inspector_count"),
                rs.getString("participants"),
                rs.getInt("person_times"),
                rs.getString("topic"),
                rs.getBytes("notes_cipher"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    // 入户走访 -----------------------------------------------------------------------------------------------------

    long insertVisit(Place place, HouseholdVisit v) {
        return jdbc.sql("insert into fieldwork.household_visit (round_id, locality_id, path, household_id,"
                        + " household_code, visited_on, inspectors, raised, satisfaction, photo_id, recorded_by,"
                        + " recorded_at) values (:round, :locality, :path, :household, :code, :on, :inspectors,"
                        + " :raised, :satisfaction, :photo, :by, :at) returning id")
                .param("round", place.roundId())
                .param("locality", place.localityId())
                .param("path", place.path())
                .param("household", v.householdId())
                .param("code", v.householdCode())
                .param("on", v.visitedOn())
                .param("inspectors", v.inspectors())
                .param("raised", v.raised())
                .param("satisfaction", v.satisfaction().name())
                .param("photo", v.photoId())
                .param("by", v.recordedBy())
                .param("at", Timestamp.from(v.recordedAt()))
                .query(Long.class)
                .single();
    }

    /** Many visits at once (an import), as one JDBC batch. */
    /**
     * Writes many visits by PostgreSQL COPY on the connection of the caller's transaction (so they commit or roll back
     * with it), streamed in the text format in chunks rather than built as one string.
     */
    void copyVisits(List<Place> places, List<HouseholdVisit> visits) {
        named.getJdbcTemplate().execute((ConnectionCallback<Void>) connection -> {
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy fieldwork.household_visit (round_id, locality_id, path, household_id,"
                            + " household_code, visited_on, inspectors, raised, satisfaction, recorded_by,"
                            + " recorded_at) from stdin");
            try (Writer out =
                    new OutputStreamWriter(new PGCopyOutputStream(copy, COPY_BUFFER), StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(256);
                for (int i = 0; i < visits.size(); i++) {
                    line.setLength(0);
                    copyLine(line, places.get(i), visits.get(i));
                    out.append(line);
                }
            } catch (IOException e) {
                throw new SQLException("COPY of household visits failed", e);
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return null;
        });
    }

    private static void copyLine(StringBuilder line, Place place, HouseholdVisit v) {
        line.append(place.roundId()).append('\t').append(place.localityId()).append('\t');
        copyText(line, place.path());
        line.append('\t').append(v.householdId()).append('\t');
        copyText(line, v.householdCode());
        line.append('\t').append(v.visitedOn()).append('\t');
        copyText(line, v.inspectors());
        line.append('\t');
        copyText(line, v.raised());
        line.append('\t').append(v.satisfaction().name()).append('\t');
        copyText(line, v.recordedBy());
        line.append('\t').append(v.recordedAt()).append('\n');
    }

    /** A value in COPY's text format: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    private static void copyText(StringBuilder line, @Nullable String text) {
        if (text == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    List<HouseholdVisit> visits(long roundId, Collection<Long> localities, int limit) {
        return jdbc.sql("select id, round_id, locality_id, household_id, household_code, visited_on, inspectors,"
                        + " raised, satisfaction, photo_id, recorded_by, recorded_at from fieldwork.household_visit"
                        + " where round_id = :round and locality_id in (:localities)"
                        + " order by visited_on desc, id desc limit :limit")
                .param("round", roundId)
                .param("localities", ids(localities))
                .param("limit", limit)
                .query(HouseholdVisit.class)
                .list();
    }

    /** The households of the 村居 visited at least once in the round. */
    Set<Long> visitedHouseholds(long roundId, Collection<Long> localities) {
        return new HashSet<>(jdbc.sql("select distinct household_id from fieldwork.household_visit"
                        + " where round_id = :round and locality_id in (:localities)")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(Long.class)
                .list());
    }

    void saveExcuse(Place place, VisitExcuse e) {
        jdbc.sql(
                        "insert into fieldwork.visit_excuse (round_id, household_id, locality_id, path, reason, note,"
                                + " recorded_by, recorded_at) values (:round, :household, :locality, :path, :reason, :note,"
                                + " :by, :at) on conflict (round_id, household_id) do update set reason = excluded.reason,"
                                + " note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at")
                .param("round", place.roundId())
                .param("household", e.householdId())
                .param("locality", place.localityId())
                .param("path", place.path())
                .param("reason", e.reason().name())
                .param("note", e.note())
                .param("by", e.recordedBy())
                .param("at", Timestamp.from(e.recordedAt()))
                .update();
    }

    Map<Long, VisitExcuse> excuses(long roundId, Collection<Long> localities) {
        Map<Long, VisitExcuse> excuses = new HashMap<>();
        jdbc.sql("select round_id, household_id, locality_id, reason, note, recorded_by, recorded_at"
                        + " from fieldwork.visit_excuse where round_id = :round and locality_id in (:localities)")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(VisitExcuse.class)
                .list()
                .forEach(e -> excuses.put(e.householdId(), e));
        return excuses;
    }

    // 调阅资料、实地查看 -------------------------------------------------------------------------------------------

    long insertExamination(Place place, Examination e) {
        long id = jdbc.sql("insert into fieldwork.examination (round_id, locality_id, path, kind, examined_on,"
                        + " subject, place, inspectors, notes, recorded_by, recorded_at) values (:round, :locality,"
                        + " :path, :kind, :on, :subject, :place, :inspectors, :notes, :by, :at) returning id")
                .param("round", place.roundId())
                .param("locality", place.localityId())
                .param("path", place.path())
                .param("kind", e.kind().name())
                .param("on", e.examinedOn())
                .param("subject", e.subject())
                .param("place", e.place())
                .param("inspectors", e.inspectors())
                .param("notes", e.notes())
                .param("by", e.recordedBy())
                .param("at", Timestamp.from(e.recordedAt()))
                .query(Long.class)
                .single();
        for (Attachment a : e.attachments()) {
            jdbc.sql("insert into fieldwork.examination_attachment (examination_id, position, file_id, file_name)"
                            + " values (:id, :position, :file, :name)")
                    .param("id", id)
                    .param("position", a.position())
                    .param("file", a.fileId())
                    .param("name", a.fileName())
                    .update();
        }
        return id;
    }

    List<Examination> examinations(long roundId, Collection<Long> localities) {
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        jdbc.sql("select a.examination_id, a.position, a.file_id, a.file_name from fieldwork.examination_attachment a"
                        + " join fieldwork.examination e on e.id = a.examination_id where e.round_id = :round"
                        + " and e.locality_id in (:localities) order by a.examination_id, a.position")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query((rs, n) -> attachments
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Attachment(rs.getInt(2), rs.getString(3), rs.getString(4))))
                .list();
        return jdbc.sql("select * from fieldwork.examination where round_id = :round and locality_id in (:localities)"
                        + " order by examined_on, id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query((rs, n) -> new Examination(
                        rs.getLong("id"),
                        rs.getLong("round_id"),
                        rs.getLong("locality_id"),
                        ExaminationKind.valueOf(rs.getString("kind")),
                        rs.getObject("examined_on", LocalDate.class),
                        rs.getString("subject"),
                        rs.getString("place"),
                        rs.getString("inspectors"),
                        rs.getString("notes"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        attachments.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** The attachment with this file id, when it belongs to an examination in the 村居 of the round. */
    Optional<Attachment> attachment(String fileId, long roundId, Collection<Long> localities) {
        return jdbc.sql("select a.position, a.file_id, a.file_name from fieldwork.examination_attachment a"
                        + " join fieldwork.examination e on e.id = a.examination_id where a.file_id = :file"
                        + " and e.round_id = :round and e.locality_id in (:localities)")
                .param("file", fileId)
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(Attachment.class)
                .optional();
    }

    /** Whether the photo belongs to a posting or a visit in the 村居 of the round. */
    boolean photoWithin(String fileId, long roundId, Collection<Long> localities) {
        return jdbc.sql("select exists (select 1 from fieldwork.notice_posting where photo_id = :file"
                        + " and round_id = :round and locality_id in (:localities)) or exists (select 1 from"
                        + " fieldwork.household_visit where photo_id = :file and round_id = :round"
                        + " and locality_id in (:localities))")
                .param("file", fileId)
                .param("round", roundId)
                .param("localities", ids(localities))
                .query(Boolean.class)
                .single();
    }

    // 数字 ---------------------------------------------------------------------------------------------------------

    /** Counts per 村居 of the round: notices posted, broadcasts, talks, person-times, visits, households visited. */
    Map<Long, long[]> counts(long roundId, Collection<Long> localities) {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("select locality_id, sum(copies), count(*) from fieldwork.notice_posting where round_id = :round"
                        + " and locality_id in (:localities) group by locality_id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query((rs, n) -> {
                    long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[8]);
                    c[0] = rs.getLong(2);
                    c[7] = rs.getLong(3);
                    return c;
                })
                .list();
        jdbc.sql("select locality_id, sum(times) from fieldwork.broadcast where round_id = :round"
                        + " and locality_id in (:localities) group by locality_id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), k -> new long[8])[1] = rs.getLong(2))
                .list();
        jdbc.sql("select locality_id, count(*), sum(person_times), count(*) filter (where kind = 'INDIVIDUAL')"
                        + " from fieldwork.talk where round_id = :round and locality_id in (:localities)"
                        + " group by locality_id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query((rs, n) -> {
                    long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[8]);
                    c[2] = rs.getLong(2);
                    c[3] = rs.getLong(3);
                    c[6] = rs.getLong(4);
                    return c;
                })
                .list();
        jdbc.sql("select locality_id, count(*), count(distinct household_id) from fieldwork.household_visit"
                        + " where round_id = :round and locality_id in (:localities) group by locality_id")
                .param("round", roundId)
                .param("localities", ids(localities))
                .query((rs, n) -> {
                    long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[8]);
                    c[4] = rs.getLong(2);
                    c[5] = rs.getLong(3);
                    return c;
                })
                .list();
        return counts;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
