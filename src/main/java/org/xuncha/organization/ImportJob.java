package org.xuncha.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.xuncha.documents.XlsxError;

/**
 * An Excel import of the registry (名册导入任务) as its owner follows it: running through its phases with rows done
 * out of rows expected, then either succeeded with what each sheet added and updated, or failed with every problem
 * found (and nothing written). Kept in the database so that any node can report it.
 */
record ImportJob(
        UUID id,
        String owner,
        String fileName,
        Status status,
        @Nullable Phase phase,
        int rowsDone,
        int rowsTotal,
        List<SheetCounts> summary,
        List<XlsxError> errors,
        int errorCount,
        Instant startedAt,
        @Nullable Instant finishedAt) {

    enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** 校验 (reading and checking every row) then 写入 (one transaction). */
    enum Phase {
        VALIDATING,
        WRITING
    }

    /** What one sheet did: rows added, rows updated, rows the same as before. */
    record SheetCounts(String sheet, int added, int updated, int unchanged) {

        int total() {
            return added + updated + unchanged;
        }
    }

    /** The problems of a failed import as stored: how many were found and the first ones, in reading order. */
    record ErrorReport(int count, List<XlsxError> shown) {}

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** Progress within the current phase, 0–100. */
    public int percent() {
        if (rowsTotal <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.round(rowsDone * 100.0 / rowsTotal));
    }

    /** Whether more problems were found than are shown. */
    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }
}
