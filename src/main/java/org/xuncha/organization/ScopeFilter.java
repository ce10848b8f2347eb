package org.xuncha.organization;

import java.util.List;

/** The SQL condition that keeps a query inside a {@link RegionScope}; bind {@link #ids} as {@code :scopeIds}. */
final class ScopeFilter {

    private ScopeFilter() {}

    /** True when the region aliased {@code alias} lies in one of the scope's subtrees. */
    static String within(String alias) {
        return "exists (select 1 from organization.region scope_root where scope_root.id in (:scopeIds) and " + alias
                + ".path like scope_root.path || '%')";
    }

    static List<Long> ids(RegionScope scope) {
        return scope.isEmpty() ? List.of(-1L) : scope.regionIds();
    }
}
