package org.xuncha.rectification;

/**
 * Rectification figures of a township and problem category (整改统计): open (not yet closed out), overdue, closed out,
 * returned at least once, recurring (returned more than once), closed out on time, and the 村居 with such problems.
 * The on-time rate is closed-on-time over closed-out plus overdue-open.
 */
public record TownshipFigures(
        long townshipId,
        String townshipName,
        String category,
        int total,
        int open,
        int overdue,
        int closedOut,
        int returned,
        int recurring,
        int closedOnTime,
        int localities) {

    /** Percentage of on-time close-outs among those that are due (closed out, or open and overdue); null when none. */
    public Integer onTimeRate() {
        int due = closedOut + overdue;
        return due == 0 ? null : Math.round(100f * closedOnTime / due);
    }
}
