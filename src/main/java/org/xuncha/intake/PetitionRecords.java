package org.xuncha.intake;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.planning.RoundId;
import org.xuncha.web.Paged;

/**
 * The petitions (信访件) and their photos. Every read takes the caller's {@link Scope} and filters by the copied region
 * path in SQL (and, for a group, by the 村居 it may see); the sealed identity columns are read by {@link #identity}
 * alone.
 */
@Repository
class PetitionRecords {

    /** A new petition as it is stored; the identity already sealed. */
    record NewPetition(
            RoundId roundId,
            long localityId,
            String localityName,
            String townshipName,
            String path,
            PetitionChannel channel,
            PetitionCategory category,
            String content,
            @Nullable String place,
            @Nullable String occurred,
            java.time.LocalDate receivedOn,
            @Nullable String registeredBy,
            byte @Nullable [] sealedName,
            byte @Nullable [] sealedPhone,
            String receiptDigest,
            byte[] receiptSealed,
            @Nullable String submissionKey) {}

    /** A photo kept by the file store. */
    record Photo(int position, String fileId, String type, long size) {}

    /** What the receipt code shows: status and public reply, nothing else. */
    record PublicStatus(PetitionStatus status, @Nullable String publicReply) {}

    /** Filters of the lists; every field optional. */
    record Filter(@Nullable RoundId roundId, @Nullable List<Long> localityIds, boolean untriagedOnly) {}

    private static final String COLUMNS = """
            p.id, p.round_id, p.locality_id, p.locality_name, p.township_name, p.path, p.channel, p.category,
            p.content, p.place, p.occurred, p.received_on, p.registered_by,
            (p.reporter_name is not null or p.reporter_phone is not null) as named,
            (select count(*) from intake.petition_photo ph where ph.petition_id = p.id) as photos,
            p.status, p.triage, p.triage_reason, p.forwarded_to, p.public_reply, p.triaged_by, p.triaged_at,
            p.record_kind, p.record_id, p.version
            """;

    private final JdbcClient jdbc;

    PetitionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the petition, or nothing when its submission key was stored before (empty then). */
    Optional<Long> insert(NewPetition p) {
        return jdbc.sql("""
                        insert into intake.petition (round_id, locality_id, locality_name, township_name, path, channel,
                            category, content, place, occurred, received_on, registered_by, reporter_name,
                            reporter_phone, receipt_digest, receipt_sealed, submission_key, status)
                        values (:round, :locality, :localityName, :townshipName, :path, :channel, :category, :content,
                            :place, :occurred, :receivedOn, :registeredBy, :name, :phone, :digest, :sealed, :key,
                            'RECEIVED')
                        on conflict (submission_key) do nothing
                        returning id
                        """)
                .param("round", p.roundId().value())
                .param("locality", p.localityId())
                .param("localityName", p.localityName())
                .param("townshipName", p.townshipName())
                .param("path", p.path())
                .param("channel", p.channel().name())
                .param("category", p.category().name())
                .param("content", p.content())
                .param("place", p.place())
                .param("occurred", p.occurred())
                .param("receivedOn", Date.valueOf(p.receivedOn()))
                .param("registeredBy", p.registeredBy())
                .param("name", p.sealedName())
                .param("phone", p.sealedPhone())
                .param("digest", p.receiptDigest())
                .param("sealed", p.receiptSealed())
                .param("key", p.submissionKey())
                .query(Long.class)
                .optional();
    }

    void insertPhoto(long petitionId, Photo photo) {
        jdbc.sql("""
                        insert into intake.petition_photo (petition_id, position, file_id, file_type, size_bytes)
                        values (:petition, :position, :file, :type, :size)
                        """)
                .param("petition", petitionId)
                .param("position", photo.position())
                .param("file", photo.fileId())
                .param("type", photo.type())
                .param("size", photo.size())
                .update();
    }

    /** The sealed receipt code of the petition a submission key stored. */
    Optional<byte[]> receiptOfSubmission(String submissionKey) {
        return jdbc.sql("select receipt_sealed from intake.petition where submission_key = :key")
                .param("key", submissionKey)
                .query(byte[].class)
                .optional();
    }

    long idOfSubmission(String submissionKey) {
        return jdbc.sql("select id from intake.petition where submission_key = :key")
                .param("key", submissionKey)
                .query(Long.class)
                .single();
    }

    Optional<byte[]> receiptOf(long id) {
        return jdbc.sql("select receipt_sealed from intake.petition where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    Optional<PublicStatus> publicStatus(String receiptDigest) {
        return jdbc.sql("select status, public_reply from intake.petition where receipt_digest = :digest")
                .param("digest", receiptDigest)
                .query((rs, n) -> {
                    PetitionStatus status = PetitionStatus.valueOf(rs.getString("status"));
                    // a reply written at triage stays with the group until the matter is concluded
                    return new PublicStatus(
                            status, status == PetitionStatus.CONCLUDED ? rs.getString("public_reply") : null);
                })
                .optional();
    }

    /** Petitions received per 村居 within the scope (every round), for ranking 村居. */
    Map<Long, Long> receivedByLocality(Scope scope) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select p.locality_id, count(*) from intake.petition p where " + Scope.WITHIN
                        + " group by p.locality_id")
                .params(scope.params())
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** The petition when it lies within the scope. */
    Optional<Petition> find(long id, Scope scope) {
        return jdbc.sql("select " + COLUMNS + " from intake.petition p where p.id = :id and " + Scope.WITHIN)
                .param("id", id)
                .params(scope.params())
                .query(PetitionRecords::petition)
                .optional();
    }

    /** For the modules that report outcomes: by id alone. */
    Optional<Petition> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from intake.petition p where p.id = :id")
                .param("id", id)
                .query(PetitionRecords::petition)
                .optional();
    }

    Paged<Petition> page(Filter filter, Scope scope, int page, int size) {
        Where where = where(filter, scope);
        long total = jdbc.sql("select count(*) from intake.petition p where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Petition> items = jdbc.sql("select " + COLUMNS + " from intake.petition p where " + where.sql()
                        + " order by p.received_on desc, p.id desc limit :limit offset :offset")
                .params(where.params())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(PetitionRecords::petition)
                .list();
        return new Paged<>(items, page, size, total);
    }

    Stream<Petition> stream(Filter filter, Scope scope) {
        Where where = where(filter, scope);
        return jdbc
                .sql("select " + COLUMNS + " from intake.petition p where " + where.sql()
                        + " order by p.received_on, p.id")
                .params(where.params())
                .query(PetitionRecords::petition)
                .stream();
    }

    List<Photo> photos(long petitionId) {
        return jdbc.sql("""
                        select position, file_id, file_type, size_bytes from intake.petition_photo
                        where petition_id = :id order by position
                        """)
                .param("id", petitionId)
                .query((rs, n) -> new Photo(
                        rs.getInt("position"),
                        rs.getString("file_id"),
                        rs.getString("file_type"),
                        rs.getLong("size_bytes")))
                .list();
    }

    /** The sealed name and phone; the caller decides whether it may, and audits. */
    SealedIdentity identity(long id) {
        return jdbc.sql("select reporter_name, reporter_phone from intake.petition where id = :id")
                .param("id", id)
                .query((rs, n) -> new SealedIdentity(rs.getBytes("reporter_name"), rs.getBytes("reporter_phone")))
                .single();
    }

    /** Saves a triage or an outcome, refusing a stale version. */
    void update(Petition p) {
        int updated = jdbc.sql("""
                        update intake.petition set status = :status, triage = :triage, triage_reason = :reason,
                            forwarded_to = :forwardedTo, public_reply = :reply, triaged_by = :by, triaged_at = :at,
                            record_kind = :recordKind, record_id = :recordId, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("status", p.status().name())
                .param("triage", p.triage() == null ? null : p.triage().name())
                .param("reason", p.triageReason())
                .param("forwardedTo", p.forwardedTo())
                .param("reply", p.publicReply())
                .param("by", p.triagedBy())
                .param("at", p.triagedAt() == null ? null : Timestamp.from(p.triagedAt()))
                .param("recordKind", p.recordKind())
                .param("recordId", p.recordId())
                .param("id", p.id())
                .param("version", p.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("petition " + p.id() + " changed since it was read");
        }
    }

    long count() {
        return jdbc.sql("select count(*) from intake.petition")
                .query(Long.class)
                .single();
    }

    /** The sealed name and phone of a reporter; either may be absent. */
    record SealedIdentity(byte @Nullable [] name, byte @Nullable [] phone) {}

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(Filter filter, Scope scope) {
        List<String> conditions = new ArrayList<>(List.of(Scope.WITHIN));
        Map<String, Object> params = new java.util.HashMap<>(scope.params());
        if (filter.roundId() != null) {
            conditions.add("p.round_id = :round");
            params.put("round", filter.roundId().value());
        }
        if (filter.localityIds() != null) {
            conditions.add("p.locality_id in (:localities)");
            params.put("localities", filter.localityIds().isEmpty() ? List.of(-1L) : filter.localityIds());
        }
        if (filter.untriagedOnly()) {
            conditions.add("p.triage is null");
        }
        return new Where(String.join(" and ", conditions), params);
    }

    private static Petition petition(ResultSet rs, int n) throws SQLException {
        Timestamp triagedAt = rs.getTimestamp("triaged_at");
        long recordId = rs.getLong("record_id");
        Long record = rs.wasNull() ? null : recordId;
        String triage = rs.getString("triage");
        return new Petition(
                rs.getLong("id"),
                new RoundId(rs.getLong("round_id")),
                rs.getLong("locality_id"),
                rs.getString("locality_name"),
                rs.getString("township_name"),
                rs.getString("path"),
                PetitionChannel.valueOf(rs.getString("channel")),
                PetitionCategory.valueOf(rs.getString("category")),
                rs.getString("content"),
                rs.getString("place"),
                rs.getString("occurred"),
                rs.getDate("received_on").toLocalDate(),
                rs.getString("registered_by"),
                rs.getBoolean("named"),
                rs.getInt("photos"),
                PetitionStatus.valueOf(rs.getString("status")),
                triage == null ? null : Triage.valueOf(triage),
                rs.getString("triage_reason"),
                rs.getString("forwarded_to"),
                rs.getString("public_reply"),
                rs.getString("triaged_by"),
                triagedAt == null ? null : triagedAt.toInstant(),
                rs.getString("record_kind"),
                record,
                rs.getInt("version"));
    }
}
