package org.xuncha.intake;

import java.util.List;
import java.util.Map;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * A caller's {@link RegionScope} as path prefixes of its regions, for the petitions' copied region paths; bound as
 * {@code :scopePrefixes}. An empty scope matches nothing.
 */
record Scope(List<String> prefixes) {

    /** True when the petition aliased {@code p} lies within one of the scope's subtrees. */
    static final String WITHIN = "p.path like any (array[:scopePrefixes]::text[])";

    private static final String NOTHING = "!";

    Scope {
        prefixes = prefixes.isEmpty() ? List.of(NOTHING) : List.copyOf(prefixes);
    }

    static Scope of(RegionScope scope, Regions regions) {
        if (scope.isEmpty()) {
            return new Scope(List.of());
        }
        return new Scope(regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList());
    }

    /** Everything: for outcomes reported by other modules and the demo. */
    static Scope everything() {
        return new Scope(List.of("%"));
    }

    Map<String, Object> params() {
        return Map.of("scopePrefixes", prefixes);
    }
}
