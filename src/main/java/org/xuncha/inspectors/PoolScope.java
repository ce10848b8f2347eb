package org.xuncha.inspectors;

import java.util.List;

/**
 * The pools a caller may see (人才库范围): those of the districts their data scope lies in or covers. Built from the
 * region paths of the caller's scope; bind {@link #paths()} as {@code :scopePaths}.
 */
record PoolScope(List<String> regionPaths) {

    PoolScope {
        regionPaths = List.copyOf(regionPaths);
    }

    /** True when the pool row aliased {@code alias} belongs to a district above, at or below a root of the scope. */
    static String sql(String alias) {
        return "exists (select 1 from unnest(string_to_array(:scopePaths, ',')) as s(path) where s.path <> '' and ("
                + alias + ".district_path like s.path || '%' or s.path like " + alias + ".district_path || '%'))";
    }

    /** Region paths hold only digits and slashes, so a comma joins them safely. */
    String paths() {
        return String.join(",", regionPaths);
    }
}
