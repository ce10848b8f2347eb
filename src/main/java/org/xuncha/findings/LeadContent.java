package org.xuncha.findings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The confidential content of a lead (线索内容): the persons concerned, the matter and the amount, its files and the
 * dispositions reported. Decrypted only for the director, the leader of the raising group and the receiving body.
 */
record LeadContent(
        String persons,
        String matter,
        @Nullable BigDecimal amount,
        List<LeadFile> files,
        List<Disposition> dispositions) {

    /** A file of the lead's evidence. */
    record LeadFile(long id, String fileId, String name, String sha256, long size, String uploadedBy, Instant at) {}

    /** 处置情况 reported by the receiving body. */
    record Disposition(Lead.DispositionKind kind, LocalDate on, String note, String reportedBy, Instant reportedAt) {}

    LeadContent {
        files = List.copyOf(files);
        dispositions = List.copyOf(dispositions);
    }
}
