package org.xuncha.organization;

import java.util.Collection;
import java.util.List;

/**
 * The region subtrees a caller may see (数据范围). Every read, list, search, export and count of this module takes
 * one and filters by it in SQL; an empty scope sees nothing.
 */
public record RegionScope(List<Long> regionIds) {

    public RegionScope {
        regionIds = List.copyOf(regionIds);
    }

    public static RegionScope of(Collection<Long> regionIds) {
        return new RegionScope(List.copyOf(regionIds));
    }

    public static RegionScope none() {
        return new RegionScope(List.of());
    }

    public boolean isEmpty() {
        return regionIds.isEmpty();
    }
}
