package org.xuncha.rectification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** 已销号: a rectification task was verified and closed out; {@code petitionId} when the masses raised the problem. */
public record RectificationClosed(
        long taskId,
        long findingId,
        long roundId,
        long localityId,
        @Nullable Long petitionId,
        LocalDate closedOn) {}
