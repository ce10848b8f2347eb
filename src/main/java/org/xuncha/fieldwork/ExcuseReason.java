package org.xuncha.fieldwork;

/** 未走访原因 of a special household: 已迁出, 已去世, 拒绝走访, 两次上门未遇. */
public enum ExcuseReason {
    MOVED_AWAY,
    DECEASED,
    REFUSED,
    ABSENT_TWICE
}
