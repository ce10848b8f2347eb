package org.xuncha.inspectors;

/**
 * How a round's 村居 are cut into groups: N 村居 per group (一托N) or a number of groups. Villages and communities
 * are grouped apart, and a group takes 村居 of one township unit where possible.
 */
public record GroupSizing(int localitiesPerGroup, int groups) {

    public GroupSizing {
        if ((localitiesPerGroup > 0) == (groups > 0)) {
            throw new IllegalArgumentException("give either 村居 per group or a number of groups");
        }
    }

    /** 一托N. */
    public static GroupSizing perGroup(int localities) {
        return new GroupSizing(localities, 0);
    }

    public static GroupSizing groups(int groups) {
        return new GroupSizing(0, groups);
    }
}
