package org.xuncha.organization;

import org.jspecify.annotations.Nullable;

/** A node of the region tree as other modules see it: identity, name and place in the tree. */
public record RegionSummary(
        long id,
        @Nullable Long parentId,
        String code,
        String name,
        RegionLevel level,
        @Nullable RegionKind kind,
        String path) {}
