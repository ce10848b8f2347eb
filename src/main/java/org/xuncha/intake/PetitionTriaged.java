package org.xuncha.intake;

import java.time.Instant;
import org.xuncha.planning.RoundId;

/**
 * A group triaged a petition (信访件已分办). For {@link Triage#RECORD_AS_FINDING} and {@link Triage#RECORD_AS_LEAD}
 * the findings module records the finding or lead it becomes and reports back through {@link PetitionOutcomes}.
 * Carries what the petition says, never who sent it.
 *
 * @param category the petition's category label as the reporter or the group chose it
 * @param content what happened, where and when, as written
 */
public record PetitionTriaged(
        long petitionId,
        RoundId roundId,
        long localityId,
        Triage triage,
        String category,
        String content,
        String reason,
        String by,
        Instant at) {}
