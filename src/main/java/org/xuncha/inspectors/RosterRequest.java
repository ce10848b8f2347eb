package org.xuncha.inspectors;

import java.util.List;

/**
 * What a roster suggestion (建议名单) starts from: the round's 村居, how to cut them into groups, the pool with its
 * recusal facts, the district's recusal rules for the round (policy, dates, previous round, exceptions), the term's
 * service history and the shape of a group.
 */
public record RosterRequest(
        List<RoundLocality> localities,
        GroupSizing sizing,
        List<Candidate> pool,
        RecusalRules rules,
        ServiceHistory history,
        GroupShape shape) {

    public RosterRequest {
        localities = List.copyOf(localities);
        pool = List.copyOf(pool);
    }
}
