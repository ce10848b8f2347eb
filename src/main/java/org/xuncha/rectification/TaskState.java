package org.xuncha.rectification;

/** State of a rectification task (整改状态). */
enum TaskState {
    /** 已挂账: entered from the feedback list. */
    OPEN,
    /** 整改中. */
    IN_PROGRESS,
    /** 已提交验收. */
    SUBMITTED,
    /** 被退回: evidence insufficient, perfunctory or fake; reopened and counted against the township. */
    RETURNED,
    /** 已销号. */
    CLOSED_OUT;

    boolean closed() {
        return this == CLOSED_OUT;
    }
}
