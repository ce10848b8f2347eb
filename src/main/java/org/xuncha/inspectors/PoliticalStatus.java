package org.xuncha.inspectors;

/** 政治面貌. */
public enum PoliticalStatus {
    /** 中共党员. */
    CPC_MEMBER,
    /** 中共预备党员. */
    CPC_PROBATIONARY,
    /** 共青团员. */
    CYL_MEMBER,
    /** 民主党派. */
    DEMOCRATIC_PARTY,
    /** 群众. */
    MASSES
}
