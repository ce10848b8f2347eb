package org.xuncha.findings;

/** Where a finding's working paper (问题底稿) stands on its way from the member to the office. */
public enum FindingState {
    /** 草稿: recorded, the paper not yet submitted. */
    DRAFT,
    /** 已提交: waiting for the group leader. */
    SUBMITTED,
    /** 组长已审批: waiting for the office's review. */
    LEADER_APPROVED,
    /** 已审定: reviewed by the office; only these go into feedback. */
    APPROVED,
    /** 已退回: returned to the drafter with comments. */
    RETURNED
}
