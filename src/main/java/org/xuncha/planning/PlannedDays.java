package org.xuncha.planning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xuncha.organization.Intensity;

/**
 * Days planned per 村居 by default (计划天数): 重点巡察 get the longer schedule, 快进快出 the short one; configured by
 * {@code xuncha.planning.planned-days.focused} and {@code .expedited}.
 */
@Component
class PlannedDays {

    private final int focused;
    private final int expedited;

    PlannedDays(
            @Value("${xuncha.planning.planned-days.focused:15}") int focused,
            @Value("${xuncha.planning.planned-days.expedited:5}") int expedited) {
        if (focused < 1 || expedited < 1 || focused > 365 || expedited > 365) {
            throw new IllegalStateException("xuncha.planning.planned-days must be between 1 and 365");
        }
        this.focused = focused;
        this.expedited = expedited;
    }

    int of(Intensity intensity) {
        return intensity == Intensity.FOCUSED ? focused : expedited;
    }
}
