package org.xuncha.feedback;

import org.jspecify.annotations.Nullable;

/**
 * One problem on a feedback list (问题清单条目): the finding it is, its 村居, category, the facts in brief and what must
 * be rectified; {@code petitionId} is the petition it came from, when the masses raised it (for 件件有落实).
 */
public record ListedProblem(
        long findingId,
        long localityId,
        String localityName,
        String category,
        String facts,
        String requirement,
        boolean fixedOnTheSpot,
        @Nullable Long petitionId) {}
