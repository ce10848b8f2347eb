package org.xuncha.planning;

import java.util.List;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * A caller's {@link RegionScope} as the path prefixes of its regions, so that queries filter planning's own copies of
 * region paths in SQL; bind {@link #patterns()} as {@code :scopePrefixes}. An empty scope matches nothing.
 */
record ScopePrefixes(List<String> patterns) {

    private static final String NOTHING = "!";

    ScopePrefixes {
        patterns = patterns.isEmpty() ? List.of(NOTHING) : List.copyOf(patterns);
    }

    static ScopePrefixes of(RegionScope scope, Regions regions) {
        return new ScopePrefixes(regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList());
    }

    /** True when the path in {@code column} lies within one of the scope's subtrees. */
    static String within(String column) {
        return column + " like any (array[:scopePrefixes]::text[])";
    }
}
