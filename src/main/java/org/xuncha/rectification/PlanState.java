package org.xuncha.rectification;

/** State of a township's rectification plan (整改方案状态). */
enum PlanState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
