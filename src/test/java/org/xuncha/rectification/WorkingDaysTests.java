package org.xuncha.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Working days against the 2026 calendar (春节 15–23 February off, Saturday 14 and Saturday 28 February worked; 国庆
 * 1–7 October off, Sunday 20 September and Saturday 10 October worked) and the three-colour thresholds.
 */
class WorkingDaysTests {

    static final WorkingDays CALENDAR_2026 = new WorkingDays(Map.ofEntries(
            Map.entry(LocalDate.of(2026, 2, 14), CalendarDay.Kind.WORKDAY),
            Map.entry(LocalDate.of(2026, 2, 15), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 16), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 17), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 18), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 19), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 20), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 21), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 22), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 23), CalendarDay.Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 2, 28), CalendarDay.Kind.WORKDAY)));

    static final WarningSettings DEFAULTS = new WarningSettings(20, 10, Set.of(), Set.of(), Set.of(), null, 0);

    @Test
    void anAdjustedSaturdayIsAWorkingDayAndAHolidayWeekdayIsNot() {
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // Saturday, worked
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // Monday, 春节
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 2, 7))).isFalse(); // ordinary Saturday
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue(); // Tuesday after the holiday
    }

    @Test
    void tenWorkingDaysFromFridayThe13thSkipTheSpringFestivalAndCountBothAdjustedSaturdays() {
        // 14 (Sat, worked), 24, 25, 26, 27, 28 (Sat, worked), 2, 3, 4, 5 March
        assertThat(CALENDAR_2026.plus(LocalDate.of(2026, 2, 13), 10)).isEqualTo(LocalDate.of(2026, 3, 5));
        // without a calendar the same ten days would end on 27 February
        assertThat(new WorkingDays(Map.of()).plus(LocalDate.of(2026, 2, 13), 10))
                .isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void remainingCountsTheWorkingDaysAfterTodayUpToTheDeadline() {
        LocalDate deadline = LocalDate.of(2026, 3, 5);
        assertThat(CALENDAR_2026.remaining(LocalDate.of(2026, 2, 13), deadline)).isEqualTo(10);
        assertThat(CALENDAR_2026.remaining(deadline, deadline)).isZero();
        assertThat(CALENDAR_2026.remaining(LocalDate.of(2026, 3, 6), deadline)).isEqualTo(-1);
        assertThat(CALENDAR_2026.remaining(LocalDate.of(2026, 3, 7), deadline)).isEqualTo(-1); // Saturday
        assertThat(CALENDAR_2026.remaining(LocalDate.of(2026, 3, 9), deadline)).isEqualTo(-2);
    }

    @Test
    void theColourTurnsGreenAtTwentyYellowAtTenAndRedTheDayAfterTheDeadline() {
        LocalDate deadline = LocalDate.of(2026, 3, 31);
        LocalDate today = LocalDate.of(2026, 3, 1);
        assertThat(colour(21, today, deadline)).isEqualTo(WarningColour.NONE);
        assertThat(colour(20, today, deadline)).isEqualTo(WarningColour.GREEN);
        assertThat(colour(11, today, deadline)).isEqualTo(WarningColour.GREEN);
        assertThat(colour(10, today, deadline)).isEqualTo(WarningColour.YELLOW);
        assertThat(colour(0, deadline, deadline)).isEqualTo(WarningColour.YELLOW);
        assertThat(colour(-1, deadline.plusDays(1), deadline)).isEqualTo(WarningColour.RED);
        assertThat(WarningColour.of(TaskState.CLOSED_OUT, deadline.plusDays(9), deadline, -5, DEFAULTS))
                .isEqualTo(WarningColour.NONE);
    }

    @Test
    void theOfficesThresholdsMoveTheColours() {
        WarningSettings strict = new WarningSettings(30, 15, Set.of(), Set.of(), Set.of(), null, 0);
        LocalDate deadline = LocalDate.of(2026, 6, 30);
        LocalDate today = LocalDate.of(2026, 5, 1);
        assertThat(WarningColour.of(TaskState.OPEN, today, deadline, 25, strict))
                .isEqualTo(WarningColour.GREEN);
        assertThat(WarningColour.of(TaskState.OPEN, today, deadline, 25, DEFAULTS))
                .isEqualTo(WarningColour.NONE);
        assertThat(WarningColour.of(TaskState.OPEN, today, deadline, 15, strict))
                .isEqualTo(WarningColour.YELLOW);
    }

    private static WarningColour colour(int remaining, LocalDate today, LocalDate deadline) {
        return WarningColour.of(TaskState.IN_PROGRESS, today, deadline, remaining, DEFAULTS);
    }
}
