package org.xuncha.organization;

import java.util.List;
import java.util.Map;

/**
 * A region-path scope as SQL that PostgreSQL can serve from a {@code text_pattern_ops} index on the path: one {@code
 * like} per prefix (each ending in {@code %}), joined by {@code or}. It cannot use an index for {@code like any
 * (array[...])}, which reads every row of a province to find a district's.
 */
public final class PathPrefixes {

    private PathPrefixes() {}

    /** {@code (column like :p0 or column like :p1 ...)} for {@code count} prefixes bound as {@code parameter + i}. */
    public static String anyOf(String column, String parameter, int count) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : " or ")
                    .append(column)
                    .append(" like :")
                    .append(parameter)
                    .append(i);
        }
        return sql.append(")").toString();
    }

    /** The prefixes as the parameters {@link #anyOf} names, added to {@code params}. */
    public static void bind(Map<String, Object> params, String parameter, List<String> prefixes) {
        for (int i = 0; i < prefixes.size(); i++) {
            params.put(parameter + i, prefixes.get(i));
        }
    }
}
