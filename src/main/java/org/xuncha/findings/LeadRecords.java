package org.xuncha.findings;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.planning.RoundId;

/**
 * The lead register (线索台账): status columns in clear, content sealed with SM4. Every read of content goes through
 * {@link #content}, which callers reach only after {@link LeadAccess} allowed it.
 */
@Repository
class LeadRecords {

    private static final String SELECT = """
            select l.id, l.round_id, l.group_number, l.locality_id, l.locality_name, l.locality_path,
                   l.township_name, l.finding_id, l.petition_id, l.receiver, l.receiver_name, l.sensitivity, l.state,
                   l.raised_by, l.raised_at, l.register_number, l.transferred_by, l.transferred_on, l.report_due,
                   l.received_by, l.received_at, l.version,
                   exists (select 1 from findings.lead_disposition d where d.lead_id = l.id) as reported
            from findings.lead l
            """;

    /** Who is asking for the register: by region scope (office), by body (receivers) or by led groups. */
    record Filter(
            @Nullable List<String> scopePrefixes,
            @Nullable ReceivingBody body,
            @Nullable List<String> roundLocalities) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    LeadRecords(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    long insert(
            RoundId round,
            int groupNumber,
            long localityId,
            String localityName,
            String localityPath,
            String townshipName,
            @Nullable Long findingId,
            @Nullable Long petitionId,
            String persons,
            String matter,
            @Nullable BigDecimal amount,
            ReceivingBody receiver,
            String receiverName,
            Lead.Sensitivity sensitivity,
            String by,
            Instant at) {
        return jdbc.sql("""
                insert into findings.lead (round_id, group_number, locality_id, locality_name, locality_path,
                    township_name, finding_id, petition_id, persons_sealed, matter_sealed, amount_sealed, receiver,
                    receiver_name, sensitivity, raised_by, raised_at)
                values (:round, :group, :locality, :localityName, :path, :township, :finding, :petition, :persons,
                    :matter, :amount, :receiver, :receiverName, :sensitivity, :by, :at)
                returning id
                """)
                .param("round", round.value())
                .param("group", groupNumber)
                .param("locality", localityId)
                .param("localityName", localityName)
                .param("path", localityPath)
                .param("township", townshipName)
                .param("finding", findingId)
                .param("petition", petitionId)
                .param("persons", cipher.encrypt(persons))
                .param("matter", cipher.encrypt(matter))
                .param("amount", amount == null ? null : cipher.encrypt(amount.toPlainString()))
                .param("receiver", receiver.name())
                .param("receiverName", receiverName)
                .param("sensitivity", sensitivity.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    Optional<Lead> find(long id) {
        return jdbc.sql(SELECT + "where l.id = :id")
                .param("id", id)
                .query(LeadRecords::map)
                .optional();
    }

    /** The register as the filter allows, newest first. */
    List<Lead> register(Filter filter) {
        String where;
        JdbcClient.StatementSpec spec;
        if (filter.body() != null) {
            where = "where l.receiver = :body and l.state <> 'RAISED'";
        } else if (filter.roundLocalities() != null) {
            where = "where (l.round_id || ':' || l.locality_id) in (:pairs)";
        } else {
            where = "where l.locality_path like any (array[:prefixes]::text[])";
        }
        spec = jdbc.sql(SELECT + where + " order by l.raised_at desc, l.id desc");
        if (filter.body() != null) {
            spec = spec.param("body", filter.body().name());
        } else if (filter.roundLocalities() != null) {
            spec = spec.param("pairs", filter.roundLocalities().isEmpty() ? List.of("!") : filter.roundLocalities());
        } else {
            spec = spec.param(
                    "prefixes",
                    FindingRecords.nonEmpty(filter.scopePrefixes() == null ? List.of() : filter.scopePrefixes()));
        }
        return spec.query(LeadRecords::map).list();
    }

    /** Decrypts the content; only after access was checked, and the caller audits it. */
    LeadContent content(long id) {
        record Sealed(byte[] persons, byte[] matter, byte @Nullable [] amount) {}
        Sealed sealed = jdbc.sql(
                        "select persons_sealed, matter_sealed, amount_sealed from findings.lead where id = :id")
                .param("id", id)
                .query((rs, n) -> new Sealed(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)))
                .single();
        List<LeadContent.LeadFile> files = jdbc.sql("select * from findings.lead_file where lead_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new LeadContent.LeadFile(
                        rs.getLong("id"),
                        rs.getString("file_id"),
                        cipher.decrypt(rs.getBytes("name_sealed")),
                        rs.getString("sha256"),
                        rs.getLong("size"),
                        rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
        List<LeadContent.Disposition> dispositions = jdbc.sql(
                        "select * from findings.lead_disposition where lead_id = :id order by on_date, id")
                .param("id", id)
                .query((rs, n) -> new LeadContent.Disposition(
                        Lead.DispositionKind.valueOf(rs.getString("kind")),
                        rs.getDate("on_date").toLocalDate(),
                        cipher.decrypt(rs.getBytes("note_sealed")),
                        rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
        return new LeadContent(
                cipher.decrypt(sealed.persons()),
                cipher.decrypt(sealed.matter()),
                sealed.amount() == null ? null : new BigDecimal(cipher.decrypt(sealed.amount())),
                files,
                dispositions);
    }

    void addFile(
            long leadId, String fileId, String name, String sha256, long size, String type, String by, Instant at) {
        jdbc.sql("""
                insert into findings.lead_file (lead_id, file_id, name_sealed, sha256, size, file_type, uploaded_by,
                    uploaded_at)
                values (:lead, :file, :name, :sha, :size, :type, :by, :at)
                """)
                .param("lead", leadId)
                .param("file", fileId)
                .param("name", cipher.encrypt(name))
                .param("sha", sha256)
                .param("size", size)
                .param("type", type)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The lead a file belongs to. */
    Optional<Long> leadOfFile(String fileId) {
        return jdbc.sql("select lead_id from findings.lead_file where file_id = :file")
                .param("file", fileId)
                .query(Long.class)
                .optional();
    }

    void transferred(Lead lead, int year, int seq, String number, String by, LocalDate on, LocalDate due) {
        changed(
                jdbc.sql("""
                update findings.lead set state = 'TRANSFERRED', register_year = :year, register_seq = :seq,
                    register_number = :number, transferred_by = :by, transferred_on = :on, report_due = :due,
                    version = version + 1
                where id = :id and version = :version
                """)
                        .param("year", year)
                        .param("seq", seq)
                        .param("number", number)
                        .param("by", by)
                        .param("on", on)
                        .param("due", due)
                        .param("id", lead.id())
                        .param("version", lead.version())
                        .update(),
                lead);
    }

    void received(Lead lead, String by, Instant at) {
        changed(
                jdbc.sql("""
                update findings.lead set state = 'RECEIVED', received_by = :by, received_at = :at,
                    version = version + 1
                where id = :id and version = :version
                """)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("id", lead.id())
                        .param("version", lead.version())
                        .update(),
                lead);
    }

    void disposition(Lead lead, Lead.DispositionKind kind, LocalDate on, String note, String by, Instant at) {
        changed(
                jdbc.sql("""
                update findings.lead set state = :state, version = version + 1 where id = :id and version = :version
                """)
                        .param(
                                "state",
                                kind == Lead.DispositionKind.CONCLUDED
                                        ? "CONCLUDED"
                                        : lead.state().name())
                        .param("id", lead.id())
                        .param("version", lead.version())
                        .update(),
                lead);
        jdbc.sql("""
                insert into findings.lead_disposition (lead_id, kind, on_date, note_sealed, reported_by, reported_at)
                values (:lead, :kind, :on, :note, :by, :at)
                """)
                .param("lead", lead.id())
                .param("kind", kind.name())
                .param("on", on)
                .param("note", cipher.encrypt(note))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The next register number of the year, under a row lock so that numbers have no gaps. */
    int nextNumber(int year) {
        jdbc.sql("insert into findings.register_counter (year, last_number) values (:year, 0) on conflict do nothing")
                .param("year", year)
                .update();
        int last = jdbc.sql("select last_number from findings.register_counter where year = :year for update")
                .param("year", year)
                .query(Integer.class)
                .single();
        jdbc.sql("update findings.register_counter set last_number = :next where year = :year")
                .param("next", last + 1)
                .param("year", year)
                .update();
        return last + 1;
    }

    private static void changed(int rows, Lead lead) {
        if (rows == 0) {
            throw new OptimisticLockingFailureException("lead " + lead.id() + " was changed by someone else");
        }
    }

    private static Lead map(ResultSet rs, int n) throws SQLException {
        long finding = rs.getLong("finding_id");
        Long findingId = rs.wasNull() ? null : finding;
        long petition = rs.getLong("petition_id");
        Long petitionId = rs.wasNull() ? null : petition;
        java.sql.Date transferredOn = rs.getDate("transferred_on");
        java.sql.Date due = rs.getDate("report_due");
        Timestamp receivedAt = rs.getTimestamp("received_at");
        return new Lead(
                rs.getLong("id"),
                new RoundId(rs.getLong("round_id")),
                rs.getInt("group_number"),
                rs.getLong("locality_id"),
                rs.getString("locality_name"),
                rs.getString("locality_path"),
                rs.getString("township_name"),
                findingId,
                petitionId,
                ReceivingBody.valueOf(rs.getString("receiver")),
                rs.getString("receiver_name"),
                Lead.Sensitivity.valueOf(rs.getString("sensitivity")),
                Lead.State.valueOf(rs.getString("state")),
                rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("register_number"),
                rs.getString("transferred_by"),
                transferredOn == null ? null : transferredOn.toLocalDate(),
                due == null ? null : due.toLocalDate(),
                rs.getString("received_by"),
                receivedAt == null ? null : receivedAt.toInstant(),
                rs.getBoolean("reported"),
                rs.getInt("version"));
    }
}
