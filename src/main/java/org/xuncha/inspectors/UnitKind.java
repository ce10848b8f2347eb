package org.xuncha.inspectors;

/** Kind of the unit an inspector is drawn from (抽调单位类别). */
public enum UnitKind {
    /** 纪检监察. */
    DISCIPLINE,
    /** 组织. */
    ORGANIZATION,
    /** 财政. */
    FINANCE,
    /** 审计. */
    AUDIT,
    /** 农业农村. */
    AGRICULTURE,
    /** 民政. */
    CIVIL_AFFAIRS,
    /** 其他. */
    OTHER
}
