package org.xuncha.organization;

/** Kind of a township unit (街道/镇/乡) or of a 村居 (村/社区). */
public enum RegionKind {
    /** 街道 (办事处). */
    SUBDISTRICT(RegionLevel.TOWNSHIP),
    /** 镇. */
    TOWN(RegionLevel.TOWNSHIP),
    /** 乡. */
    XIANG(RegionLevel.TOWNSHIP),
    /** 村. */
    VILLAGE(RegionLevel.LOCALITY),
    /** 社区. */
    COMMUNITY(RegionLevel.LOCALITY);

    private final RegionLevel level;

    RegionKind(RegionLevel level) {
        this.level = level;
    }

    public RegionLevel level() {
        return level;
    }
}
