package org.xuncha.inspectors;

import java.time.LocalDate;

/** A span of days, both ends included (起止日期). */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a date range ends before it starts: " + from + " – " + to);
        }
    }

    public boolean overlaps(DateRange other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }
}
