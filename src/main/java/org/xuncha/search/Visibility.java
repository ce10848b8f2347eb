package org.xuncha.search;

/**
 * Who may find an entry within its region and round (检索可见范围), on top of the region and group scope: the office
 * (staff and director) and the group that takes the 村居, or only the director and that group (e.g. individual talk
 * notes, whose speakers talk in confidence).
 */
public enum Visibility {
    /** 巡察办及本组. */
    OFFICE_AND_GROUP,
    /** 巡察办主任及本组. */
    DIRECTOR_AND_GROUP
}
