package org.xuncha.rectification;

/** Why a submitted task is returned (退回原因). */
enum ReturnReason {
    /** 佐证材料不足. */
    INSUFFICIENT_EVIDENCE,
    /** 敷衍整改. */
    PERFUNCTORY,
    /** 虚假整改. */
    FAKE
}
