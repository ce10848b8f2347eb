package org.xuncha.revisits;

/** How residents were met on a revisit (回访方式). */
enum RevisitMethod {
    /** 走街串巷. */
    STREET_WALK,
    /** 入户座谈. */
    HOME_FORUM,
    /** 座谈会. */
    MEETING
}
