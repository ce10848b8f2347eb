package org.xuncha.search;

/** What a search entry is (检索对象): the record kinds other modules put into the index. */
public enum SearchKind {
    /** 问题. */
    FINDING,
    /** 问题底稿. */
    WORKING_PAPER,
    /** 信访举报 (never with the reporter's identity). */
    PETITION,
    /** 谈话记录. */
    TALK_NOTE
}
