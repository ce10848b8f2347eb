package org.xuncha.organization;

/** Level of a node in the region tree (行政层级). */
public enum RegionLevel {
    /** 省. */
    PROVINCE,
    /** 市. */
    CITY,
    /** 区/县. */
    DISTRICT,
    /** 乡镇·街道 (township unit). */
    TOWNSHIP,
    /** 村居. */
    LOCALITY
}
