package org.xuncha.rectification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A township's rectification plan (整改方案) for one issued feedback list: the township writes it (the measures and
 * responsible person of each task, milestones of long-term tasks, an overall statement), the office approves it or
 * returns it with a note.
 */
record RectificationPlan(
        long id,
        long feedbackId,
        long roundId,
        long townshipId,
        String townshipName,
        String townshipPath,
        LocalDate issuedOn,
        LocalDate reportDue,
        PlanState state,
        @Nullable String summary,
        @Nullable String officeNote,
        int version) {

    RectificationPlan write(String summary) {
        if (!state.editable()) {
            throw new RectificationRuleViolation("plan.notEditable");
        }
        return new RectificationPlan(
                id,
                feedbackId,
                roundId,
                townshipId,
                townshipName,
                townshipPath,
                issuedOn,
                reportDue,
                state,
                summary.strip(),
                officeNote,
                version);
    }

    RectificationPlan submit() {
        if (!state.editable()) {
            throw new RectificationRuleViolation("plan.notEditable");
        }
        if (summary == null || summary.isBlank()) {
            throw new RectificationRuleViolation("plan.summaryRequired");
        }
        return moved(PlanState.SUBMITTED, officeNote);
    }

    RectificationPlan approve() {
        if (state != PlanState.SUBMITTED) {
            throw new RectificationRuleViolation("plan.notSubmitted");
        }
        return moved(PlanState.APPROVED, null);
    }

    RectificationPlan returnWith(String note) {
        if (state != PlanState.SUBMITTED) {
            throw new RectificationRuleViolation("plan.notSubmitted");
        }
        if (note.isBlank()) {
            throw new RectificationRuleViolation("plan.noteRequired");
        }
        return moved(PlanState.RETURNED, note.strip());
    }

    private RectificationPlan moved(PlanState to, @Nullable String note) {
        return new RectificationPlan(
                id,
                feedbackId,
                roundId,
                townshipId,
                townshipName,
                townshipPath,
                issuedOn,
                reportDue,
                to,
                summary,
                note,
                version);
    }
}
