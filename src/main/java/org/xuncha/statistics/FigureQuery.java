package org.xuncha.statistics;

import java.util.stream.Collectors;

/**
 * The SQL of a figure and of its drill-down list, from one predicate: {@link #rows} is the filtered row set (scope,
 * region, period, figure condition, key) as a derived table aliased {@code v}; the figure is its measure, the list its
 * rows, the breakdown its measure grouped by the breakdown column. Entry point for the benchmark.
 */
final class FigureQuery {

    private FigureQuery() {}

    /** The records behind the figure under the selection, as {@code (select ...) v}. */
    static String rows(Figure figure, boolean keyed) {
        Source source = figure.source();
        StringBuilder where = new StringBuilder(figure.condition());
        if (source == Source.ROUND) {
            where.append(" and exists (select 1 from statistics.round_locality_record s where s.round_id = v.round_id"
                    + " and s.path like any (array[:scopePrefixes]::text[]) and s.path like :within)");
        } else {
            where.append(" and v.path like any (array[:scopePrefixes]::text[]) and v.path like :within");
        }
        if (figure.periodBound()) {
            where.append(" and v.counted_on between :from and :to and (:round < 0 or v.round_id = :round)");
        }
        if (keyed && figure.breakdown() != null) {
            where.append(" and ").append(figure.breakdown()).append(" = :key");
        }
        if (figure.distinctLocality()) {
            return "(select distinct on (v.locality_id) v.* from " + source.view() + " v where " + where
                    + " order by v.locality_id, v.counted_on, v.round_id) v";
        }
        return "(select v.* from " + source.view() + " v where " + where + ") v";
    }

    /** The figure: its measure over {@link #rows}. */
    static String measure(Figure figure, boolean keyed) {
        return "select " + figure.measure() + " from " + rows(figure, keyed);
    }

    /** The figure broken down by its breakdown column (label, measure), largest first. */
    static String breakdown(Figure figure) {
        return "select " + figure.breakdown() + " as label, " + figure.measure() + " as n from " + rows(figure, false)
                + " group by 1 order by 2 desc, 1";
    }

    /** One page of the list: the source's columns in its order. */
    static String page(Figure figure, boolean keyed) {
        return select(figure) + " from " + rows(figure, keyed) + " order by "
                + figure.source().order() + " limit :limit offset :offset";
    }

    /** The whole list, for the export. */
    static String all(Figure figure, boolean keyed) {
        return select(figure) + " from " + rows(figure, keyed) + " order by "
                + figure.source().order();
    }

    private static String select(Figure figure) {
        return "select "
                + figure.source().columns().stream()
                        .map(Source.Column::expression)
                        .collect(Collectors.joining(", "));
    }
}
