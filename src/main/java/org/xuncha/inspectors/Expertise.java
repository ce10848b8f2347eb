package org.xuncha.inspectors;

/** An inspector's expertise tag (专长). */
public enum Expertise {
    /** 财务. */
    FINANCE,
    /** 审计. */
    AUDIT,
    /** 工程. */
    ENGINEERING,
    /** 法律. */
    LAW,
    /** 党建. */
    PARTY_BUILDING,
    /** 农业. */
    AGRICULTURE,
    /** 纪检监察 (执纪审查). */
    DISCIPLINE,
    /** 土地与资源. */
    LAND;

    /** 财务 or 审计: what a group needs when one of its 村居 has a large collective economy (三资). */
    public boolean readsAccounts() {
        return this == FINANCE || this == AUDIT;
    }
}
