package org.xuncha.intake;

/** The group's decision on a petition (分办). */
public enum Triage {
    /** 作为问题记录: becomes a finding. */
    RECORD_AS_FINDING,
    /** 作为问题线索: becomes a lead. */
    RECORD_AS_LEAD,
    /** 转交主管部门: outside the inspection's remit, forwarded to the competent department. */
    FORWARDED,
    /** 不予处理, with a reason. */
    NO_ACTION
}
