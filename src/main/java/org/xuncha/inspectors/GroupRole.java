package org.xuncha.inspectors;

/** A person's role in an inspection group (组内职务). */
public enum GroupRole {
    /** 组长. */
    LEADER,
    /** 副组长. */
    DEPUTY,
    /** 组员. */
    MEMBER;

    /** The part of the pool this role is drawn from: leaders and deputies from the leader tier. */
    public Tier tier() {
        return this == MEMBER ? Tier.MEMBER_TIER : Tier.LEADER_TIER;
    }
}
