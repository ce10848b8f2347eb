package org.xuncha.inspectors;

import org.jspecify.annotations.Nullable;

/**
 * A recusal rule that bites (回避冲突): the rule, the person, the 村居 and the reason in the reader's language. An
 * exempted violation is shown but no longer blocks.
 */
public record RecusalViolation(
        RecusalRule rule,
        InspectorId inspector,
        String inspectorName,
        long localityId,
        Reason reason,
        @Nullable RecusalExemption exemption) {

    public boolean blocks() {
        return exemption == null;
    }
}
