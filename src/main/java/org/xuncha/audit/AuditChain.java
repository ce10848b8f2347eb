package org.xuncha.audit;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Verifies the hash chain of the audit log (审计链校验): walks every row in id order, recomputes its SM3 hash and
 * checks that it names the hash of the row before it. An edited row breaks its own hash; a deleted or inserted row
 * breaks the link of the row after it. Reads in batches, so the log may be of any length.
 */
@Service
class AuditChain {

    static final int BATCH = 2_000;

    /** The outcome of a verification: how many rows were checked and, if the chain is broken, the first bad row. */
    record Verification(
            long checked,
            @Nullable Long firstBrokenId,
            @Nullable Problem problem) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    /** How a row breaks the chain. */
    enum Problem {
        /** The row's content no longer gives its stored hash: the row was edited. */
        HASH_MISMATCH,
        /** The row does not follow the row before it: a row was deleted or inserted before it. */
        LINK_MISMATCH
    }

    private final AuditEvents events;

    AuditChain(AuditEvents events) {
        this.events = events;
    }

    Verification verify() {
        String previousHash = AuditEntry.GENESIS;
        long afterId = 0;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = events.inIdOrder(afterId, BATCH);
            for (AuditEntry entry : batch) {
                checked++;
                if (!entry.prevHash().equals(previousHash)) {
                    return new Verification(checked, entry.id(), Problem.LINK_MISMATCH);
                }
                if (!entry.hash().equals(entry.computeHash())) {
                    return new Verification(checked, entry.id(), Problem.HASH_MISMATCH);
                }
                previousHash = entry.hash();
                afterId = entry.id();
            }
            if (batch.size() < BATCH) {
                return new Verification(checked, null, null);
            }
        }
    }
}
