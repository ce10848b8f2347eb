package org.xuncha.revisits;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A revisit (回访) of a 村居 after its round: when, who went, how, whom they met and what residents said; its survey
 * token opens the residents' page reached by the QR code.
 */
record Revisit(
        long id,
        long roundId,
        long localityId,
        String localityName,
        long townshipId,
        String townshipName,
        String localityPath,
        LocalDate visitedOn,
        String visitors,
        RevisitMethod method,
        String met,
        @Nullable String residentsSaid,
        String surveyToken,
        String recordedBy,
        int version) {}
