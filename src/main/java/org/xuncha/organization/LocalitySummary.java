package org.xuncha.organization;

/**
 * A 村居 as other modules see it: its township unit, kind (村 or 社区) and the inspection intensity in force (the
 * office's override where there is one, otherwise the suggestion).
 */
public record LocalitySummary(
        long id,
        String code,
        String name,
        RegionKind kind,
        long townshipId,
        String townshipName,
        String path,
        Intensity intensity) {}
