package org.xuncha.planning;

import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * A 村居 as a round takes it (轮次村居): its kind, township, the intensity in force when the round was planned and the
 * days planned for it (重点巡察 get the longer schedule, 快进快出 the short one).
 */
public record RoundLocality(
        long localityId,
        String code,
        String name,
        RegionKind kind,
        long townshipId,
        String townshipName,
        String path,
        Intensity intensity,
        int plannedDays) {}
