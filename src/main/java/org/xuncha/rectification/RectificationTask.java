package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rectification task (整改任务): one problem of issued feedback for a 村居 and its township, what must be done, the
 * deadline and the responsible person, the township's measures, and its way from 挂账 to 销号. State changes are
 * methods that check their rule and answer the changed task.
 */
record RectificationTask(
        long id,
        long planId,
        long feedbackId,
        long findingId,
        long roundId,
        long townshipId,
        String townshipName,
        long localityId,
        String localityName,
        String localityPath,
        String category,
        String facts,
        String requirement,
        boolean fixedOnTheSpot,
        @Nullable Long petitionId,
        LocalDate deadline,
        String responsible,
        @Nullable String measures,
        boolean longTerm,
        @Nullable String longTermReason,
        TaskState state,
        int returns,
        @Nullable LocalDate submittedOn,
        @Nullable LocalDate closedOn,
        @Nullable String publicReply,
        int version) {

    /** A milestone of a long-term task (阶段目标). */
    record Milestone(LocalDate due, String description) {}

    boolean massRaised() {
        return petitionId != null;
    }

    boolean overdue(LocalDate today) {
        return !state.closed() && today.isAfter(deadline);
    }

    /** The township's plan for this task: measures, the responsible person, and for a long-term task its reason. */
    RectificationTask plan(
            String measures,
            String responsible,
            boolean longTerm,
            @Nullable String longTermReason,
            List<Milestone> milestones) {
        if (state.closed()) {
            throw new RectificationRuleViolation("task.closed");
        }
        if (longTerm && (longTermReason == null || longTermReason.isBlank())) {
            throw new RectificationRuleViolation("task.longTerm.reasonRequired");
        }
        if (longTerm && milestones.isEmpty()) {
            throw new RectificationRuleViolation("task.longTerm.milestonesRequired");
        }
        return with(
                state,
                measures.strip(),
                responsible.strip(),
                longTerm,
                longTerm ? longTermReason.strip() : null,
                returns,
                submittedOn,
                closedOn,
                publicReply);
    }

    RectificationTask start() {
        if (state != TaskState.OPEN && state != TaskState.RETURNED) {
            throw new RectificationRuleViolation("task.cannot", state.name(), TaskState.IN_PROGRESS.name());
        }
        return moved(TaskState.IN_PROGRESS);
    }

    RectificationTask submit(int evidenceCount, LocalDate on) {
        if (state != TaskState.OPEN && state != TaskState.IN_PROGRESS && state != TaskState.RETURNED) {
            throw new RectificationRuleViolation("task.cannot", state.name(), TaskState.SUBMITTED.name());
        }
        if (measures == null || measures.isBlank()) {
            throw new RectificationRuleViolation("task.submit.noMeasures");
        }
        if (evidenceCount == 0) {
            throw new RectificationRuleViolation("task.submit.noEvidence");
        }
        return with(
                TaskState.SUBMITTED,
                measures,
                responsible,
                longTerm,
                longTermReason,
                returns,
                on,
                closedOn,
                publicReply);
    }

    RectificationTask returnFor(ReturnReason reason, String note) {
        if (state != TaskState.SUBMITTED) {
            throw new RectificationRuleViolation("task.cannot", state.name(), TaskState.RETURNED.name());
        }
        if (note.isBlank()) {
            throw new RectificationRuleViolation("task.return.noteRequired");
        }
        return with(
                TaskState.RETURNED,
                measures,
                responsible,
                longTerm,
                longTermReason,
                returns + 1,
                null,
                closedOn,
                publicReply);
    }

    RectificationTask closeOut(LocalDate on, @Nullable String reply) {
        if (state != TaskState.SUBMITTED) {
            throw new RectificationRuleViolation("task.cannot", state.name(), TaskState.CLOSED_OUT.name());
        }
        if (massRaised() && (reply == null || reply.isBlank())) {
            throw new RectificationRuleViolation("task.close.replyRequired");
        }
        return with(
                TaskState.CLOSED_OUT,
                measures,
                responsible,
                longTerm,
                longTermReason,
                returns,
                submittedOn,
                on,
                massRaised() ? reply.strip() : null);
    }

    private RectificationTask moved(TaskState to) {
        return with(to, measures, responsible, longTerm, longTermReason, returns, submittedOn, closedOn, publicReply);
    }

    private RectificationTask with(
            TaskState state,
            @Nullable String measures,
            String responsible,
            boolean longTerm,
            @Nullable String longTermReason,
            int returns,
            @Nullable LocalDate submittedOn,
            @Nullable LocalDate closedOn,
            @Nullable String publicReply) {
        return new RectificationTask(
                id,
                planId,
                feedbackId,
                findingId,
                roundId,
                townshipId,
                townshipName,
                localityId,
                localityName,
                localityPath,
                category,
                facts,
                requirement,
                fixedOnTheSpot,
                petitionId,
                deadline,
                responsible,
                measures,
                longTerm,
                longTermReason,
                state,
                returns,
                submittedOn,
                closedOn,
                publicReply,
                version);
    }
}
