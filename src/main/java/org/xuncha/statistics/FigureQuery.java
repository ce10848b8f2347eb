package org.xuncha.statistics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of a figure and of its drill-down list, from one predicate: {@link #rows} is the filtered row set (scope,
 * region, period, figure condition, key) as a derived table aliased {@code v}; the figure is its measure, the list its
 * rows, the breakdown its measure grouped by the breakdown column. {@link #pass} computes every figure of one source
 * in a single scan, each as its measure filtered by the same condition, grouped by the source's breakdown columns.
 * Entry point for the benchmark.
 */
final class FigureQuery {

    private FigureQuery() {}

    /** The records behind the figure under the selection, as {@code (select ...) v}. */
    static String rows(Figure figure, Selection selection) {
        Source source = figure.source();
        StringBuilder where =
                new StringBuilder(figure.condition()).append(" and ").append(scope(source, selection));
        if (figure.periodBound()) {
            where.append(" and ").append(period());
        }
        if (selection.key() != null && figure.breakdown() != null) {
            where.append(" and ").append(figure.breakdown()).append(" = :key");
        }
        if (figure.distinctLocality()) {
            return "(select distinct on (v.locality_id) v.* from " + source.view() + " v where " + where
                    + " order by v.locality_id, v.counted_on, v.round_id) v";
        }
        return "(select v.* from " + source.view() + " v where " + where + ") v";
    }

    /**
     * Every given figure of one source in one scan: columns are the distinct breakdown columns of the figures (in the
     * order of {@link #breakdownColumns}), then one filtered measure per figure, one row per breakdown combination.
     * The figure's value is the sum of its column over the rows; its breakdown the sums by its key column.
     */
    static String pass(Source source, List<Figure> figures, Selection selection) {
        return pass(source, figures, selection, false);
    }

    /**
     * As {@link #pass(Source, List, Selection)}, from the source's tally when {@code tallied}: the same conditions
     * over the tally's columns, each row standing for its {@code n} records. The tally's path is the township's, so
     * this holds only for a selection whose scope and region are a township or wider.
     */
    static String pass(Source source, List<Figure> figures, Selection selection, boolean tallied) {
        List<String> keys = breakdownColumns(figures);
        String where = scope(source, selection) + " and " + period();
        StringBuilder sql = new StringBuilder("select ");
        for (String key : keys) {
            sql.append(key).append(", ");
        }
        sql.append(figures.stream()
                        .map(tallied ? Figure::tallyMeasure : Figure::filteredMeasure)
                        .collect(Collectors.joining(", ")))
                .append(" from ")
                .append(tallied ? source.tally() : source.view())
                .append(" v where ")
                .append(where);
        if (!keys.isEmpty()) {
            sql.append(" group by ").append(String.join(", ", keys));
        }
        return sql.toString();
    }

    /** The distinct breakdown columns of the figures, in figure order. */
    static List<String> breakdownColumns(List<Figure> figures) {
        return figures.stream()
                .map(Figure::breakdown)
                .filter(b -> b != null)
                .distinct()
                .map(String::valueOf)
                .toList();
    }

    private static String scope(Source source, Selection selection) {
        if (source == Source.ROUND) {
            return "exists (select 1 from statistics.round_locality_record s where s.round_id = v.round_id and "
                    + selection.pathIn("s.path") + " and s.path like :within)";
        }
        return selection.pathIn("v.path") + " and v.path like :within";
    }

    private static String period() {
        return "v.counted_on between :from and :to and (:round < 0 or v.round_id = :round)";
    }

    /** The figure: its measure over {@link #rows}. */
    static String measure(Figure figure, Selection selection) {
        return "select " + figure.measure() + " from " + rows(figure, selection);
    }

    /** The figure broken down by its breakdown column (label, measure), largest first. */
    static String breakdown(Figure figure, Selection selection) {
        return "select " + figure.breakdown() + " as label, " + figure.measure() + " as n from "
                + rows(figure, selection.withKey(null)) + " group by 1 order by 2 desc, 1";
    }

    /** One page of the list: the source's columns in its order. */
    static String page(Figure figure, Selection selection) {
        return select(figure) + " from " + rows(figure, selection) + " order by "
                + figure.source().order() + " limit :limit offset :offset";
    }

    /** The whole list, for the export. */
    static String all(Figure figure, Selection selection) {
        return select(figure) + " from " + rows(figure, selection) + " order by "
                + figure.source().order();
    }

    private static String select(Figure figure) {
        return "select "
                + figure.source().columns().stream()
                        .map(Source.Column::expression)
                        .collect(Collectors.joining(", "));
    }
}
