package org.xuncha.rectification;

import java.time.LocalDate;

/**
 * Three-colour warning of a task's deadline (三色预警): green when the working days left fall to the green threshold
 * (default 20), yellow at the yellow threshold (default 10), red when overdue; none before, and none once closed out.
 */
enum WarningColour {
    NONE,
    GREEN,
    YELLOW,
    RED;

    static WarningColour of(
            TaskState state, LocalDate today, LocalDate deadline, int remaining, WarningSettings settings) {
        if (state.closed()) {
            return NONE;
        }
        if (today.isAfter(deadline)) {
            return RED;
        }
        if (remaining <= settings.yellowDays()) {
            return YELLOW;
        }
        if (remaining <= settings.greenDays()) {
            return GREEN;
        }
        return NONE;
    }
}
