package org.xuncha.intake;

/** What a petition is about (反映问题类别), a fixed list in the spirit of the focus checklist. */
public enum PetitionCategory {
    /** 党组织作用发挥. */
    PARTY_ORGANIZATION,
    /** 干部作风纪律. */
    CADRE_CONDUCT,
    /** 群众身边腐败. */
    PETTY_CORRUPTION,
    /** 三资管理. */
    COLLECTIVE_ASSETS,
    /** 惠民政策落实. */
    BENEFIT_POLICIES,
    /** 扫黑除恶. */
    ORGANIZED_CRIME,
    /** 农村土地. */
    RURAL_LAND,
    /** 其他. */
    OTHER
}
