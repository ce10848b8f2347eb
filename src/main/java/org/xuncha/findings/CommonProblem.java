package org.xuncha.findings;

import java.util.List;

/**
 * 共性问题: a category found in several 村居 of one township in a round (at least three, or every 村居 the round takes
 * there when it takes fewer), with the findings that make it.
 */
public record CommonProblem(
        long townshipId, String townshipName, String category, int localityCount, List<Long> findingIds) {

    public CommonProblem {
        findingIds = List.copyOf(findingIds);
    }
}
