package org.xuncha.rectification;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The office's holiday calendar (节假日安排): public holidays and adjusted working days, kept in the database. */
@Repository
class HolidayCalendar {

    private final JdbcClient jdbc;

    HolidayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarDay> all() {
        return jdbc.sql("select day, kind, name from rectification.calendar_day order by day")
                .query((rs, i) -> new CalendarDay(
                        rs.getDate("day").toLocalDate(),
                        CalendarDay.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name")))
                .list();
    }

    WorkingDays workingDays() {
        Map<java.time.LocalDate, CalendarDay.Kind> exceptions =
                all().stream().collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
        return new WorkingDays(exceptions);
    }

    void put(CalendarDay day) {
        jdbc.sql("""
                        insert into rectification.calendar_day (day, kind, name) values (:day, :kind, :name)
                        on conflict (day) do update set kind = excluded.kind, name = excluded.name
                        """)
                .param("day", Date.valueOf(day.day()))
                .param("kind", day.kind().name())
                .param("name", day.name())
                .update();
    }

    boolean remove(java.time.LocalDate day) {
        return jdbc.sql("delete from rectification.calendar_day where day = :day")
                        .param("day", Date.valueOf(day))
                        .update()
                > 0;
    }
}
