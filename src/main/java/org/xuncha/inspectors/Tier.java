package org.xuncha.inspectors;

/** The two parts of the pool (人才库分库): the article's 80 leaders and deputies and 100 members. */
public enum Tier {
    /** 组长、副组长库: may lead a group or be its deputy. */
    LEADER_TIER,
    /** 组员库: serves as a member of a group. */
    MEMBER_TIER
}
