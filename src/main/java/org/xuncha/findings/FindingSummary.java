package org.xuncha.findings;

import org.jspecify.annotations.Nullable;
import org.xuncha.planning.RoundId;

/**
 * A finding (问题) as other modules see it: its round, group number and 村居, the category and description, what must
 * be rectified ({@code proposedHandling}, from its working paper), its state, whether it was fixed on the spot
 * (立行立改), the petition it came from and its severity. Carries no reporter identity.
 */
public record FindingSummary(
        long id,
        RoundId roundId,
        int groupNumber,
        long localityId,
        String localityName,
        long townshipId,
        String townshipName,
        String category,
        String description,
        String proposedHandling,
        FindingState state,
        boolean fixedOnTheSpot,
        @Nullable Long petitionId,
        Severity severity) {}
