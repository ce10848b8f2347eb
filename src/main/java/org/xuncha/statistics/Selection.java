package org.xuncha.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.xuncha.organization.PathPrefixes;

/**
 * What a scorecard counts (统计范围): the caller's scope as region path prefixes, optionally narrowed to one region
 * under it, a period (records whose attribution date falls in {@code from..to}, optionally of one round) and, for a
 * drill-down by category, disposition or answer, the key.
 */
public record Selection(
        List<String> scopePrefixes,
        String within,
        LocalDate from,
        LocalDate to,
        long round,
        @Nullable String key,
        LocalDate today) {

    static final long ANY_ROUND = -1;
    private static final String NOTHING = "!";

    public Selection {
        scopePrefixes = scopePrefixes.isEmpty() ? List.of(NOTHING) : List.copyOf(scopePrefixes);
    }

    Selection withKey(@Nullable String key) {
        return new Selection(scopePrefixes, within, from, to, round, key, today);
    }

    /**
     * The scope as an SQL condition on a path column: one {@code like} per prefix, joined by {@code or}, so that a
     * {@code text_pattern_ops} index on the column serves a district's or a township's scope (PostgreSQL cannot use
     * an index for {@code like any (array[...])}). Binds {@code :scope0}, {@code :scope1}, ... from {@link #params}.
     */
    String pathIn(String column) {
        return PathPrefixes.anyOf(column, "scope", scopePrefixes.size());
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("scopePrefixes", scopePrefixes);
        PathPrefixes.bind(params, "scope", scopePrefixes);
        params.put("within", within);
        params.put("from", java.sql.Date.valueOf(from));
        params.put("to", java.sql.Date.valueOf(to));
        params.put("round", round);
        params.put("today", java.sql.Date.valueOf(today));
        if (key != null) {
            params.put("key", key);
        }
        return params;
    }
}
