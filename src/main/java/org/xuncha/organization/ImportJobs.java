package org.xuncha.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.documents.XlsxError;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs in {@code organization.import_job}. Every change commits on its own, outside any import transaction,
 * so progress shows while the import is still writing and a failed import still reports why.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ImportJobs {

    /** The most problems one job keeps for its report; the count says how many there were in all. */
    static final int ERRORS_SHOWN = 1_000;

    private static final TypeReference<List<ImportJob.SheetCounts>> SUMMARY = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID create(String owner, String fileName, Instant startedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into organization.import_job (id, owner, file_name, status, phase, started_at)
                        values (:id, :owner, :file, 'RUNNING', 'VALIDATING', :at)
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("file", fileName)
                .param("at", Timestamp.from(startedAt))
                .update();
        return id;
    }

    void progress(UUID id, ImportJob.Phase phase, int done, int total) {
        jdbc.sql("update organization.import_job set phase = :phase, rows_done = :done, rows_total = :total"
                        + " where id = :id and status = 'RUNNING'")
                .param("phase", phase.name())
                .param("done", done)
                .param("total", total)
                .param("id", id)
                .update();
    }

    void succeed(UUID id, List<ImportJob.SheetCounts> summary, Instant finishedAt) {
        jdbc.sql("update organization.import_job set status = 'SUCCEEDED', rows_done = rows_total, summary = :summary,"
                        + " finished_at = :at where id = :id")
                .param("summary", json.writeValueAsString(summary))
                .param("at", Timestamp.from(finishedAt))
                .param("id", id)
                .update();
    }

    void fail(UUID id, int count, List<XlsxError> errors, Instant finishedAt) {
        List<XlsxError> shown = errors.size() > ERRORS_SHOWN ? errors.subList(0, ERRORS_SHOWN) : errors;
        jdbc.sql("update organization.import_job set status = 'FAILED', errors = :errors, finished_at = :at"
                        + " where id = :id")
                .param("errors", json.writeValueAsString(new ImportJob.ErrorReport(count, List.copyOf(shown))))
                .param("at", Timestamp.from(finishedAt))
                .param("id", id)
                .update();
    }

    /** A job as its owner sees it; anybody else's job is not found. */
    @Transactional(readOnly = true)
    Optional<ImportJob> find(UUID id, String owner) {
        return jdbc.sql("select * from organization.import_job where id = :id and owner = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(this::map)
                .optional();
    }

    /** The owner's latest jobs, newest first. */
    @Transactional(readOnly = true)
    List<ImportJob> recent(String owner, int limit) {
        return jdbc.sql(
                        "select * from organization.import_job where owner = :owner order by started_at desc limit :limit")
                .param("owner", owner)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    private ImportJob map(ResultSet rs, int row) throws SQLException {
        String phase = rs.getString("phase");
        String summary = rs.getString("summary");
        String errors = rs.getString("errors");
        ImportJob.ErrorReport report = errors == null
                ? new ImportJob.ErrorReport(0, List.of())
                : json.readValue(errors, ImportJob.ErrorReport.class);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getString("owner"),
                rs.getString("file_name"),
                ImportJob.Status.valueOf(rs.getString("status")),
                phase == null ? null : ImportJob.Phase.valueOf(phase),
                rs.getInt("rows_done"),
                rs.getInt("rows_total"),
                summary == null ? List.of() : json.readValue(summary, SUMMARY),
                report.shown(),
                report.count(),
                rs.getTimestamp("started_at").toInstant(),
                instant(finished));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
