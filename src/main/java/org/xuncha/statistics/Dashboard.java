package org.xuncha.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领导驾驶舱: the dashboard's chart data for a {@link Selection}, one query per chart, each over the same filtered row
 * sets as the scorecard's figures ({@link FigureQuery#rows}), so a chart's totals are the scorecard's figures.
 */
@Service
class Dashboard {

    /** One bar or point: a label and its values. */
    public record Point(String label, List<Number> values) {}

    private final JdbcClient jdbc;

    Dashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All charts; {@code byDistrict} groups coverage by district (scope wider than one district). */
    @Transactional(readOnly = true)
    Map<String, List<Point>> charts(Selection chosen, boolean byDistrict) {
        Selection selection = chosen.withKey(null);
        Map<String, List<Point>> charts = new LinkedHashMap<>();
        charts.put("coverage", coverage(selection, byDistrict));
        charts.put(
                "categories",
                query(
                        "select v.category, count(*) from " + FigureQuery.rows(Figure.FINDINGS, selection)
                                + " group by 1 order by 2 desc, 1",
                        selection));
        charts.put(
                "trend",
                query(
                        "select case when min(v.round_kind) = 'PILOT' then '试点' else '第' || min(v.round_number) || '轮' end,"
                                + " count(*), count(*) filter (where v.fixed_on_the_spot) from "
                                + FigureQuery.rows(Figure.FINDINGS, selection)
                                + " group by v.round_id order by min(v.counted_on), v.round_id",
                        selection));
        charts.put(
                "burndown",
                // the tasks are read once (a materialized CTE), then counted open at each week's end
                query(
                        "with t as materialized (select v.issued_on, v.closed_on from "
                                + FigureQuery.rows(Figure.TASKS, selection)
                                + ") select to_char(d, 'YYYY-MM-DD'), (select count(*) from t"
                                + " where t.issued_on <= d and (t.closed_on is null or t.closed_on > d))"
                                + " from generate_series((select coalesce(min(t.issued_on), cast(:today as date)) from t),"
                                + " cast(:today as date), interval '7 day') d",
                        selection));
        charts.put(
                "overdue",
                query(
                        "select v.township_name, count(*) from " + FigureQuery.rows(Figure.TASKS_OVERDUE, selection)
                                + " group by 1 order by 2 desc, 1",
                        selection));
        charts.put(
                "satisfaction",
                query(
                        "select v.township_name, round((count(*) filter (where v.answer = 'SATISFIED') * 100.0"
                                + " + count(*) filter (where v.answer = 'BASICALLY_SATISFIED') * 60.0) / count(*), 1)"
                                + " from " + FigureQuery.rows(Figure.SURVEY_ANSWERS, selection)
                                + " group by 1 order by 1",
                        selection));
        return charts;
    }

    private List<Point> coverage(Selection selection, boolean byDistrict) {
        String group = byDistrict ? "l.district_name" : "l.township_name";
        return query(
                "select " + group + ", count(v.locality_id), count(*) - count(v.locality_id),"
                        + " round(100.0 * count(v.locality_id) / count(*)) from statistics.locality_record l left join "
                        + FigureQuery.rows(Figure.LOCALITIES_INSPECTED, selection)
                        + " on v.locality_id = l.locality_id where " + selection.pathIn("l.path")
                        + " and l.path like :within group by 1 order by 1",
                selection);
    }

    private List<Point> query(String sql, Selection selection) {
        return jdbc.sql(sql)
                .params(selection.withKey(null).params())
                .query((rs, n) -> {
                    int columns = rs.getMetaData().getColumnCount();
                    List<Number> values = new ArrayList<>(columns - 1);
                    for (int i = 2; i <= columns; i++) {
                        values.add((Number) rs.getObject(i));
                    }
                    return new Point(rs.getString(1), values);
                })
                .list();
    }
}
