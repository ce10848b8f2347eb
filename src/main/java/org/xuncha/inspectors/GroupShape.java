package org.xuncha.inspectors;

/**
 * Who a group has besides its leader (巡察组构成): a deputy or not, and how many members. A group gets one member per
 * 村居 it takes, within these bounds.
 */
public record GroupShape(boolean deputy, int minMembers, int maxMembers) {

    public GroupShape {
        if (minMembers < 0 || maxMembers < minMembers) {
            throw new IllegalArgumentException("members: " + minMembers + " – " + maxMembers);
        }
    }

    /** Leader, deputy and 2–4 members. */
    public static GroupShape standard() {
        return new GroupShape(true, 2, 4);
    }

    int membersFor(int localities) {
        return Math.max(minMembers, Math.min(maxMembers, localities));
    }
}
