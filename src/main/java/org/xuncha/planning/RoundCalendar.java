package org.xuncha.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 轮次日历: one month of a round as a grid of weeks (Monday first), each day marked when it is the entry or exit day or
 * lies within the fieldwork, with the day's meetings; and the months the round spans, for paging.
 */
record RoundCalendar(YearMonth month, List<List<Day>> weeks, YearMonth first, YearMonth last) {

    /** A line of the agenda: the entry or exit (a message key), or a meeting. */
    record AgendaItem(
            LocalDateTime at,
            @Nullable String mark,
            @Nullable Meeting meeting) {}

    /** A day of the grid. */
    record Day(
            LocalDate date,
            boolean inMonth,
            boolean today,
            boolean fieldwork,
            boolean entry,
            boolean exit,
            List<Meeting> meetings) {}

    static RoundCalendar of(InspectionRound round, List<Meeting> meetings, YearMonth month, LocalDate today) {
        InspectionRound.Schedule schedule = round.schedule();
        YearMonth first = YearMonth.from(schedule.entryDate());
        YearMonth last = YearMonth.from(schedule.exitDate());
        for (Meeting meeting : meetings) {
            YearMonth of = YearMonth.from(meeting.day());
            first = of.isBefore(first) ? of : first;
            last = of.isAfter(last) ? of : last;
        }
        LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        while (!day.isAfter(end)) {
            List<Day> week = new ArrayList<>(7);
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                LocalDate date = day;
                week.add(new Day(
                        date,
                        YearMonth.from(date).equals(month),
                        date.equals(today),
                        schedule.includes(date),
                        date.equals(schedule.entryDate()),
                        date.equals(schedule.exitDate()),
                        meetings.stream().filter(m -> m.day().equals(date)).toList()));
            }
            weeks.add(week);
        }
        return new RoundCalendar(month, weeks, first, last);
    }

    /** Entry, meetings and exit in time order. */
    static List<AgendaItem> agenda(InspectionRound round, List<Meeting> meetings) {
        List<AgendaItem> agenda = new ArrayList<>();
        agenda.add(new AgendaItem(round.schedule().entryDate().atStartOfDay(), "calendar.entry", null));
        meetings.forEach(m -> agenda.add(new AgendaItem(m.startsAt(), null, m)));
        agenda.add(new AgendaItem(round.schedule().exitDate().atTime(LocalTime.MAX), "calendar.exit", null));
        agenda.sort(Comparator.comparing(AgendaItem::at));
        return agenda;
    }

    public boolean hasPrevious() {
        return month.isAfter(first);
    }

    public boolean hasNext() {
        return month.isBefore(last);
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }
}
