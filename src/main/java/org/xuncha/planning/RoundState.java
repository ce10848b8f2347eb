package org.xuncha.planning;

import java.util.Optional;

/**
 * State of a round (轮次状态), in the only order it may move: planned → approved (by the director) → in the field →
 * fieldwork finished → reported → feedback given → closed.
 */
public enum RoundState {
    /** 已拟定. */
    PLANNED,
    /** 已批准: the director approved the plan. */
    APPROVED,
    /** 进驻中. */
    IN_FIELD,
    /** 进驻结束: from here on the round's 村居 count as covered. */
    FIELDWORK_FINISHED,
    /** 已报告. */
    REPORTED,
    /** 已反馈. */
    FEEDBACK_GIVEN,
    /** 已关闭. */
    CLOSED;

    /** The one state this state may move to; none after closing. */
    public Optional<RoundState> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** Whether a round in this state has inspected its 村居 (they count as covered). */
    public boolean coversLocalities() {
        return compareTo(FIELDWORK_FINISHED) >= 0;
    }

    /** Whether the round is under way: planned or approved, or in the field. */
    public boolean isOpen() {
        return compareTo(FIELDWORK_FINISHED) < 0;
    }
}
