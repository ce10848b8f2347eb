package org.xuncha.planning;

/** Kind of a round's meeting (会议类型), as the article's office holds them; others carry their own title. */
enum MeetingKind {
    /** 动员会. */
    MOBILIZATION,
    /** 巡前促进会. */
    PRE_INSPECTION,
    /** 巡中调度会. */
    MID_INSPECTION,
    /** 巡后协商会. */
    POST_INSPECTION,
    /** 反馈会. */
    FEEDBACK,
    /** 其他会议, with its own title. */
    OTHER
}
