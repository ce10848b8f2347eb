package org.xuncha.inspectors;

import java.util.List;

/**
 * A suggested roster for a round (建议名单): groups that break no recusal rule, and what could not be staffed with
 * its reasons. Every 村居 of the round is in exactly one group or in one gap that leaves it unassigned.
 */
public record RosterSuggestion(List<SuggestedGroup> groups, List<StaffingGap> gaps) {

    public RosterSuggestion {
        groups = List.copyOf(groups);
        gaps = List.copyOf(gaps);
    }

    public List<RoundLocality> unassignedLocalities() {
        return gaps.stream()
                .filter(StaffingGap::localitiesUnassigned)
                .flatMap(g -> g.localities().stream())
                .toList();
    }
}
