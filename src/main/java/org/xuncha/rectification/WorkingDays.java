package org.xuncha.rectification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working days (工作日) by the office's holiday calendar: Monday to Friday, less public holidays, plus the weekend days
 * adjusted into working days (调休上班).
 */
final class WorkingDays {

    private final Map<LocalDate, CalendarDay.Kind> exceptions;

    WorkingDays(Map<LocalDate, CalendarDay.Kind> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    boolean isWorkingDay(LocalDate day) {
        CalendarDay.Kind kind = exceptions.get(day);
        if (kind != null) {
            return kind == CalendarDay.Kind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The working day {@code n} working days after {@code from} (not counting {@code from} itself). */
    LocalDate plus(LocalDate from, int n) {
        LocalDate day = from;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * Working days left from {@code today} until the deadline: those after today up to and including the deadline; 0
     * on the deadline itself; negative when overdue (the working days since, as a negative count).
     */
    int remaining(LocalDate today, LocalDate deadline) {
        if (!today.isAfter(deadline)) {
            int count = 0;
            for (LocalDate d = today.plusDays(1); !d.isAfter(deadline); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    count++;
                }
            }
            return count;
        }
        int late = 0;
        for (LocalDate d = deadline.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                late++;
            }
        }
        return -Math.max(late, 1);
    }
}
