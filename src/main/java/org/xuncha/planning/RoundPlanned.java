package org.xuncha.planning;

import java.time.Instant;
import java.util.List;

/** 已拟定: a round was planned for these 村居 (region ids) within a term. */
public record RoundPlanned(RoundId roundId, TermId termId, List<Long> localityIds, String by, Instant at) {

    public RoundPlanned {
        localityIds = List.copyOf(localityIds);
    }
}
