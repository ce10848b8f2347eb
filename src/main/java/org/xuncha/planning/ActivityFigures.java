package org.xuncha.planning;

import org.jspecify.annotations.Nullable;

/**
 * What a round's groups did (巡察工作量), as the round report states it: notices posted (巡察公告), talks in person-times
 * (谈话人次), households visited (入户走访户数), petitions received (受理信访举报件数). A figure no module provides is
 * null and the report says it is not recorded.
 */
public record ActivityFigures(
        @Nullable Integer notices,
        @Nullable Integer talkPersonTimes,
        @Nullable Integer householdsVisited,
        @Nullable Integer petitions) {

    public static ActivityFigures none() {
        return new ActivityFigures(null, null, null, null);
    }

    /** These figures with the other's where these have none, summed where both have one. */
    public ActivityFigures with(ActivityFigures other) {
        return new ActivityFigures(
                sum(notices, other.notices),
                sum(talkPersonTimes, other.talkPersonTimes),
                sum(householdsVisited, other.householdsVisited),
                sum(petitions, other.petitions));
    }

    private static @Nullable Integer sum(@Nullable Integer a, @Nullable Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(a + b);
    }
}
