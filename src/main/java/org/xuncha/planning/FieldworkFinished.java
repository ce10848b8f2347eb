package org.xuncha.planning;

import java.time.Instant;
import java.util.List;

/** 进驻结束: the round's fieldwork is finished and its 村居 (region ids) now count as covered within the term. */
public record FieldworkFinished(RoundId roundId, TermId termId, List<Long> localityIds, String by, Instant at) {

    public FieldworkFinished {
        localityIds = List.copyOf(localityIds);
    }
}
