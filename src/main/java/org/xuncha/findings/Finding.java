package org.xuncha.findings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.xuncha.planning.RoundId;

/**
 * 问题: what a group found in a 村居 during a round, with its working paper (问题底稿: facts, rule broken, proposed
 * handling) and the paper's state, and 立行立改 when the 村居 fixed it during the round. State changes are methods that
 * check their rule and return the changed finding; {@link Findings} stores it under optimistic locking.
 */
record Finding(
        long id,
        RoundId roundId,
        int groupNumber,
        long localityId,
        String localityName,
        String localityPath,
        long townshipId,
        String townshipName,
        long categoryId,
        String category,
        String description,
        SourceKind sourceKind,
        @Nullable Long sourceId,
        String sourceNote,
        String peopleConcerned,
        @Nullable BigDecimal amount,
        Severity severity,
        @Nullable Long petitionId,
        FindingState state,
        String facts,
        String ruleBroken,
        String proposedHandling,
        @Nullable String draftedBy,
        boolean fixedOnTheSpot,
        @Nullable String fixAction,
        @Nullable LocalDate fixedOn,
        String recordedBy,
        Instant recordedAt,
        int version) {

    /** What a group writes about the problem itself. */
    record Particulars(
            long categoryId,
            String category,
            String description,
            SourceKind sourceKind,
            @Nullable Long sourceId,
            String sourceNote,
            String peopleConcerned,
            @Nullable BigDecimal amount,
            Severity severity) {}

    /** The working paper's text (问题底稿). */
    record Paper(String facts, String ruleBroken, String proposedHandling) {}

    /** The finding's details and paper may be changed while it is a draft or returned. */
    public boolean editable() {
        return state == FindingState.DRAFT || state == FindingState.RETURNED;
    }

    @Nullable
    public String sourcePath() {
        return sourceId == null ? null : sourceKind.path(roundId.value(), localityId, sourceId);
    }

    Finding revise(Particulars p) {
        requireEditable();
        return new Finding(
                id,
                roundId,
                groupNumber,
                localityId,
                localityName,
                localityPath,
                townshipId,
                townshipName,
                p.categoryId(),
                p.category(),
                p.description(),
                p.sourceKind(),
                p.sourceId(),
                p.sourceNote(),
                p.peopleConcerned(),
                p.amount(),
                p.severity(),
                petitionId,
                state,
                facts,
                ruleBroken,
                proposedHandling,
                draftedBy,
                fixedOnTheSpot,
                fixAction,
                fixedOn,
                recordedBy,
                recordedAt,
                version);
    }

    Finding draft(Paper paper, String by) {
        requireEditable();
        return withPaper(paper, by, state);
    }

    /** The member submits the paper to the group leader; facts and proposed handling must be written. */
    Finding submit(String by) {
        requireEditable();
        if (facts.isBlank() || proposedHandling.isBlank()) {
            throw new FindingRuleViolation("paper.rule.incomplete");
        }
        return withPaper(new Paper(facts, ruleBroken, proposedHandling), by, FindingState.SUBMITTED);
    }

    Finding leaderDecides(boolean approve, String comment) {
        if (state != FindingState.SUBMITTED) {
            throw new FindingRuleViolation("paper.rule.notSubmitted");
        }
        if (!approve && comment.isBlank()) {
            throw new FindingRuleViolation("paper.rule.commentRequired");
        }
        return withState(approve ? FindingState.LEADER_APPROVED : FindingState.RETURNED);
    }

    Finding officeDecides(boolean approve, String comment) {
        if (state != FindingState.LEADER_APPROVED) {
            throw new FindingRuleViolation("paper.rule.notLeaderApproved");
        }
        if (!approve && comment.isBlank()) {
            throw new FindingRuleViolation("paper.rule.commentRequired");
        }
        return withState(approve ? FindingState.APPROVED : FindingState.RETURNED);
    }

    /** 立行立改: the 村居 fixed the problem during the round; it stays a finding and counts as fixed on the spot. */
    Finding fixedOnTheSpot(String action, LocalDate on, LocalDate today) {
        if (action.isBlank()) {
            throw new FindingRuleViolation("fix.rule.actionRequired");
        }
        if (on.isAfter(today)) {
            throw new FindingRuleViolation("fix.rule.future");
        }
        return new Finding(
                id,
                roundId,
                groupNumber,
                localityId,
                localityName,
                localityPath,
                townshipId,
                townshipName,
                categoryId,
                category,
                description,
                sourceKind,
                sourceId,
                sourceNote,
                peopleConcerned,
                amount,
                severity,
                petitionId,
                state,
                facts,
                ruleBroken,
                proposedHandling,
                draftedBy,
                true,
                action,
                on,
                recordedBy,
                recordedAt,
                version);
    }

    private void requireEditable() {
        if (!editable()) {
            throw new FindingRuleViolation("finding.rule.locked");
        }
    }

    private Finding withPaper(Paper paper, String by, FindingState newState) {
        return new Finding(
                id,
                roundId,
                groupNumber,
                localityId,
                localityName,
                localityPath,
                townshipId,
                townshipName,
                categoryId,
                category,
                description,
                sourceKind,
                sourceId,
                sourceNote,
                peopleConcerned,
                amount,
                severity,
                petitionId,
                newState,
                paper.facts(),
                paper.ruleBroken(),
                paper.proposedHandling(),
                by,
                fixedOnTheSpot,
                fixAction,
                fixedOn,
                recordedBy,
                recordedAt,
                version);
    }

    private Finding withState(FindingState newState) {
        return new Finding(
                id,
                roundId,
                groupNumber,
                localityId,
                localityName,
                localityPath,
                townshipId,
                townshipName,
                categoryId,
                category,
                description,
                sourceKind,
                sourceId,
                sourceNote,
                peopleConcerned,
                amount,
                severity,
                petitionId,
                newState,
                facts,
                ruleBroken,
                proposedHandling,
                draftedBy,
                fixedOnTheSpot,
                fixAction,
                fixedOn,
                recordedBy,
                recordedAt,
                version);
    }
}
