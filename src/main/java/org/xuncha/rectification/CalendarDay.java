package org.xuncha.rectification;

import java.time.LocalDate;

/** A day of the office's holiday calendar that differs from the usual week (节假日 or 调休上班). */
record CalendarDay(LocalDate day, Kind kind, String name) {

    enum Kind {
        /** 放假. */
        HOLIDAY,
        /** 调休上班. */
        WORKDAY
    }
}
