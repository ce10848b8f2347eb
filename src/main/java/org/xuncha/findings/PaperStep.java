package org.xuncha.findings;

import java.time.Instant;

/** 审批记录: one step of a working paper: submitted, approved or returned, by whom, when, with what comment. */
record PaperStep(long id, long findingId, Action action, String actor, String actorName, Instant at, String comment) {

    /** What the step did. */
    enum Action {
        SUBMITTED,
        LEADER_APPROVED,
        LEADER_RETURNED,
        OFFICE_APPROVED,
        OFFICE_RETURNED;

        public boolean returned() {
            return this == LEADER_RETURNED || this == OFFICE_RETURNED;
        }
    }
}
