package org.xuncha.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.documents.XlsxExport;
import org.xuncha.web.Paged;

/**
 * 成绩单: the scorecard's figures for a {@link Selection}, computed live from the reporting views, and the drill-down
 * list behind each figure. {@link #figures} is the entry point the benchmark measures for a scope; {@link #list} for
 * a figure's list page.
 */
@Service
public class Scorecard {

    /** The scorecard: each figure's value, and the breakdowns (findings by category, leads by disposition, ...). */
    public record Figures(Map<Figure, Long> values, Map<Figure, Map<String, Long>> breakdowns) {

        public long get(Figure figure) {
            return values.getOrDefault(figure, 0L);
        }

        public Map<String, Long> breakdown(Figure figure) {
            return breakdowns.getOrDefault(figure, Map.of());
        }

        /** Coverage of the target in percent (inspected ÷ 村居 in scope), null when the scope has no 村居. */
        @Nullable
        public Integer coveragePercent() {
            long target = get(Figure.LOCALITIES_TARGET);
            return target == 0 ? null : (int) Math.round(100.0 * get(Figure.LOCALITIES_INSPECTED) / target);
        }

        /** On-time rate in percent: closed out on time ÷ (closed out + overdue); null when none is due. */
        @Nullable
        public Integer onTimeRate() {
            long due = get(Figure.TASKS_CLOSED_OUT) + get(Figure.TASKS_OVERDUE);
            return due == 0 ? null : (int) Math.round(100.0 * get(Figure.TASKS_CLOSED_ON_TIME) / due);
        }

        /** Satisfaction index: (满意 × 100 + 基本满意 × 60) ÷ answers, one decimal; null without answers. */
        @Nullable
        public Double satisfactionIndex() {
            Map<String, Long> answers = breakdown(Figure.SURVEY_ANSWERS);
            long all = answers.values().stream().mapToLong(Long::longValue).sum();
            if (all == 0) {
                return null;
            }
            double points = answers.getOrDefault("SATISFIED", 0L) * 100.0
                    + answers.getOrDefault("BASICALLY_SATISFIED", 0L) * 60.0;
            return Math.round(points * 10 / all) / 10.0;
        }
    }

    /** One page of a figure's list: the rows, the row count and the figure's value over the same rows. */
    public record Listing(Paged<List<@Nullable Object>> page, long measure) {}

    private final JdbcClient jdbc;

    Scorecard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every figure of the scorecard under the selection, with its breakdowns: the figures of one source in one scan
     * ({@link FigureQuery#pass}), the others (rounds, 村居 inspected, the coverage target) one query each.
     */
    @Transactional(readOnly = true)
    public Figures figures(Selection selection) {
        Selection unkeyed = selection.withKey(null);
        Map<Figure, Long> values = new EnumMap<>(Figure.class);
        Map<Figure, Map<String, Long>> breakdowns = new EnumMap<>(Figure.class);
        Map<Source, List<Figure>> passes = new EnumMap<>(Source.class);
        for (Figure figure : Figure.values()) {
            if (figure.sharesPass()) {
                passes.computeIfAbsent(figure.source(), s -> new ArrayList<>()).add(figure);
            } else {
                values.put(figure, value(figure, unkeyed));
            }
        }
        boolean talliesServe = talliesServe(unkeyed);
        passes.forEach((source, figures) ->
                pass(source, figures, unkeyed, talliesServe && source.tally() != null, values, breakdowns));
        return new Figures(values, breakdowns);
    }

    /**
     * Whether the tallies can answer the selection: they are kept per township, so its scope and region must be
     * townships or wider. A 村居 among them (a narrower scope) is answered from the views.
     */
    boolean talliesServe(Selection selection) {
        List<String> paths = new ArrayList<>();
        for (String prefix : selection.scopePrefixes()) {
            paths.add(prefix.endsWith("%") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        if (!selection.within().equals("%")) {
            paths.add(selection.within().substring(0, selection.within().length() - 1));
        }
        return !jdbc.sql("select exists (select 1 from statistics.locality_record where path in (:paths))")
                .param("paths", paths)
                .query(Boolean.class)
                .single();
    }

    private void pass(
            Source source,
            List<Figure> figures,
            Selection selection,
            boolean tallied,
            Map<Figure, Long> values,
            Map<Figure, Map<String, Long>> breakdowns) {
        List<String> keys = FigureQuery.breakdownColumns(figures);
        Map<Figure, Map<String, Long>> sums = new EnumMap<>(Figure.class);
        figures.forEach(figure -> values.put(figure, 0L));
        jdbc.sql(FigureQuery.pass(source, figures, selection, tallied))
                .params(selection.params())
                .query(rs -> {
                    for (int i = 0; i < figures.size(); i++) {
                        Figure figure = figures.get(i);
                        long n = rs.getLong(keys.size() + i + 1);
                        values.merge(figure, n, Long::sum);
                        if (figure.breakdown() != null && n != 0) {
                            String key = rs.getString(keys.indexOf(figure.breakdown()) + 1);
                            sums.computeIfAbsent(figure, f -> new LinkedHashMap<>())
                                    .merge(key, n, Long::sum);
                        }
                    }
                });
        for (Figure figure : figures) {
            if (figure.breakdown() != null) {
                breakdowns.put(figure, largestFirst(sums.getOrDefault(figure, Map.of())));
            }
        }
    }

    /** As the breakdown query orders: by measure descending, then by label. */
    private static Map<String, Long> largestFirst(Map<String, Long> sums) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey(
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** One figure's value (for a key, the value of that category / disposition / answer). */
    @Transactional(readOnly = true)
    long value(Figure figure, Selection selection) {
        Long n = jdbc.sql(FigureQuery.measure(figure, selection))
                .params(selection.params())
                .query(Long.class)
                .single();
        return n == null ? 0 : n;
    }

    @Transactional(readOnly = true)
    Map<String, Long> breakdown(Figure figure, Selection selection) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.sql(FigureQuery.breakdown(figure, selection))
                .params(selection.withKey(null).params())
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
                .list();
        return result;
    }

    /** A page of the records behind the figure, with the row count and the figure's value over the same rows. */
    @Transactional(readOnly = true)
    Listing list(Figure figure, Selection selection, int page, int size) {
        Map<String, Object> params = selection.params();
        long rows = jdbc.sql("select count(*) from " + FigureQuery.rows(figure, selection))
                .params(params)
                .query(Long.class)
                .single();
        long measure = figure.summed() ? value(figure, selection) : rows;
        int columns = figure.source().columns().size();
        List<List<@Nullable Object>> items = jdbc.sql(FigureQuery.page(figure, selection))
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> {
                    List<@Nullable Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    return row;
                })
                .list();
        return new Listing(new Paged<>(items, page, size, rows), measure);
    }

    /** The whole list as one .xlsx sheet, streamed from the database. */
    @Transactional(readOnly = true)
    void export(
            Figure figure,
            Selection selection,
            List<String> headers,
            String sheet,
            java.util.function.Function<@Nullable Object, @Nullable Object> display,
            OutputStream out)
            throws IOException {
        int columns = figure.source().columns().size();
        try (Stream<List<@Nullable Object>> rows = jdbc
                .sql(FigureQuery.all(figure, selection))
                .params(selection.params())
                .query((rs, n) -> {
                    List<@Nullable Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(display.apply(rs.getObject(i)));
                    }
                    return row;
                })
                .stream()) {
            XlsxExport.write(out, List.of(new XlsxExport.SheetData(sheet, headers, rows)));
        }
    }

    /** A term of the scope (for the period choice). */
    public record TermOption(long id, String name, LocalDate startsOn, LocalDate endsOn) {}

    /** A round of the scope (for the period choice). */
    public record RoundOption(long id, String kind, int number, LocalDate entryDate) {}

    @Transactional(readOnly = true)
    List<TermOption> terms(Selection selection) {
        return jdbc.sql("select t.term_id, t.name, t.starts_on, t.ends_on from statistics.term_record t"
                        + " where exists (select 1 from statistics.round_locality_record s join statistics.round_record r"
                        + " on r.round_id = s.round_id where r.term_id = t.term_id and " + selection.pathIn("s.path")
                        + ") or " + selection.pathIn("t.path") + " order by t.starts_on desc")
                .params(selection.params())
                .query((rs, n) -> new TermOption(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate()))
                .list();
    }

    @Transactional(readOnly = true)
    List<RoundOption> rounds(Selection selection) {
        return jdbc.sql("select v.round_id, v.kind, v.number, v.entry_date from statistics.round_record v where exists"
                        + " (select 1 from statistics.round_locality_record s where s.round_id = v.round_id and "
                        + selection.pathIn("s.path") + ") order by v.entry_date desc, v.number")
                .params(selection.params())
                .query((rs, n) -> new RoundOption(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getDate(4).toLocalDate()))
                .list();
    }
}
