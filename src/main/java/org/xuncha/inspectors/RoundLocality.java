package org.xuncha.inspectors;

import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * A 村居 of a round as the recusal rules and the roster see it: where it lies, whether it is a village or a
 * community, its intensity and whether its collective economy (三资) is large.
 */
public record RoundLocality(
        long id,
        String name,
        long townshipId,
        String townshipName,
        RegionKind kind,
        Intensity intensity,
        boolean largeCollectiveEconomy) {}
