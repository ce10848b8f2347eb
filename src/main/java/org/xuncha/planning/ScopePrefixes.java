package org.xuncha.planning;

import java.util.List;
import org.xuncha.organization.PathPrefixes;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * A caller's {@link RegionScope} as the path prefixes of its regions, so that queries filter planning's own copies of
 * region paths in SQL; bind {@link #patterns()} as {@code :scopePrefixes}. An empty scope matches nothing. For a
 * member of an inspection group {@link #groupInspector()} is the inspector they are (0 when none is linked): of a
 * round they see only the 村居 of their own group; bind it as {@code :groupInspector} (-1 for everyone else).
 */
record ScopePrefixes(List<String> patterns, long groupInspector) {

    private static final String NOTHING = "!";

    /** Not limited to a group. */
    static final long ANY_GROUP = -1;

    ScopePrefixes {
        patterns = patterns.isEmpty() ? List.of(NOTHING) : List.copyOf(patterns);
    }

    ScopePrefixes(List<String> patterns) {
        this(patterns, ANY_GROUP);
    }

    static ScopePrefixes of(RegionScope scope, Regions regions) {
        return new ScopePrefixes(regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList());
    }

    ScopePrefixes limitedToGroupOf(long inspector) {
        return new ScopePrefixes(patterns, inspector);
    }

    /** True when the path in {@code column} lies within one of the scope's subtrees. */
    static String within(String column) {
        return column + " like any (array[:scopePrefixes]::text[])";
    }

    /**
     * True when the round's 村居 in {@code alias} (a {@code planning.round_locality} row) lies within the scope and,
     * for a group member, in a group they serve in.
     */
    /**
     * As {@link #withinRound(String)}, with the scope written as one {@code like} per prefix joined by {@code or}
     * (bind {@link #params()}): PostgreSQL can use the {@code text_pattern_ops} index on the path for that, never for
     * {@code like any (array[...])}, which read every round 村居 of a province to list a district's rounds.
     */
    String withinRoundIndexed(String alias) {
        return new StringBuilder(PathPrefixes.anyOf(alias + ".path", "scopePrefix", patterns.size()))
                .append(" and (:groupInspector < 0 or exists (select 1 from planning.group_locality gl join")
                .append(" planning.group_member gm on gm.group_id = gl.group_id where gl.round_id = ")
                .append(alias)
                .append(".round_id and gl.locality_id = ")
                .append(alias)
                .append(".locality_id and gm.inspector_id = :groupInspector))")
                .toString();
    }

    /** The parameters of {@link #withinRoundIndexed}: each prefix, the array of them and the group inspector. */
    java.util.Map<String, Object> params() {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scopePrefixes", patterns);
        PathPrefixes.bind(params, "scopePrefix", patterns);
        params.put("groupInspector", groupInspector);
        return params;
    }

    static String withinRound(String alias) {
        return within(alias + ".path") + " and (:groupInspector < 0 or exists (select 1 from planning.group_locality gl"
                + " join planning.group_member gm on gm.group_id = gl.group_id where gl.round_id = " + alias
                + ".round_id and gl.locality_id = " + alias + ".locality_id and gm.inspector_id = :groupInspector))";
    }
}
