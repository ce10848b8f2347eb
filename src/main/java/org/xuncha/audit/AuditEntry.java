package org.xuncha.audit;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.xuncha.confidential.Sm3;

/** One row of the audit log (审计记录) and the rule that chains it to the row before. */
record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        @Nullable String actorRole,
        String action,
        @Nullable String objectType,
        @Nullable String objectId,
        String outcome,
        @Nullable String detail,
        @Nullable String clientIp,
        String prevHash,
        String hash) {

    static final String GENESIS = "0".repeat(64);

    /** SM3 over the previous hash and every field, each length-prefixed so that no two rows can collide by shifting text. */
    String computeHash() {
        String canonical = Stream.of(
                        prevHash,
                        occurredAt.toString(),
                        actor,
                        actorRole,
                        action,
                        objectType,
                        objectId,
                        outcome,
                        detail,
                        clientIp)
                .map(v -> v == null ? "-1:" : v.length() + ":" + v)
                .collect(Collectors.joining("|"));
        return Sm3.hex(canonical);
    }
}
