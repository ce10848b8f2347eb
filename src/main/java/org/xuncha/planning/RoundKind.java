package org.xuncha.planning;

/** Kind of a round (轮次类型). */
public enum RoundKind {
    /** 试点: the first rounds in a few townships (the article: 4 townships, 8 村居). */
    PILOT,
    /** 常规轮次. */
    REGULAR,
    /** 回头看: a return to 村居 already inspected; it adds no new coverage to the pace. */
    REVISIT;

    /** Whether a finished round of this kind counts towards the pace of coverage. */
    public boolean countsTowardsPace() {
        return this != REVISIT;
    }
}
