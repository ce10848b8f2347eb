package org.xuncha.organization;

/** Inspection intensity of a 村居 (巡察方式): 重点巡察 or 快进快出. */
public enum Intensity {
    /** 重点巡察: weak party building, large collective economy or many conflicts. */
    FOCUSED,
    /** 快进快出: in good order, few conflicts. */
    EXPEDITED
}
