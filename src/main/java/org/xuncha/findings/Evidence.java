package org.xuncha.findings;

import java.time.Instant;
import java.util.List;

/**
 * 证据: one evidence item of a finding (or of its 立行立改) with every file it has had; the newest version is the
 * current one, older ones stay readable in its history.
 */
record Evidence(long id, long findingId, Purpose purpose, String title, int version, List<FileVersion> versions) {

    /** What the evidence proves. */
    enum Purpose {
        /** 问题证据. */
        FINDING,
        /** 整改证据 (立行立改). */
        FIX
    }

    /** A file the item had, with its SHA-256 (版本). */
    record FileVersion(
            long evidenceId,
            int number,
            String fileId,
            String fileName,
            String sha256,
            long size,
            String fileType,
            String uploadedBy,
            Instant uploadedAt) {}

    Evidence {
        versions = List.copyOf(versions);
    }

    FileVersion current() {
        return versions.get(versions.size() - 1);
    }
}
