package org.xuncha.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.feedback.FeedbackIssued;
import org.xuncha.feedback.ListedProblem;
import org.xuncha.files.FileStore;
import org.xuncha.files.FileType;
import org.xuncha.files.StoredFile;
import org.xuncha.intake.PetitionOutcomes;
import org.xuncha.organization.Regions;

/**
 * Every change of a rectification task or plan: checked by the domain type, saved with optimistic locking, written
 * to the task's history (who, when, why) and to the audit log, in one transaction.
 */
@Service
class TaskChanges {

    static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;
    static final Set<FileType> EVIDENCE_TYPES = Set.of(FileType.JPEG, FileType.PNG, FileType.PDF, FileType.OOXML);

    private final Tasks tasks;
    private final Plans plans;
    private final Regions regions;
    private final FileStore files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PetitionOutcomes> petitions;
    private final Clock clock;

    TaskChanges(
            Tasks tasks,
            Plans plans,
            Regions regions,
            FileStore files,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectProvider<PetitionOutcomes> petitions,
            Clock clock) {
        this.tasks = tasks;
        this.plans = plans;
        this.regions = regions;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.petitions = petitions;
        this.clock = clock;
    }

    /** Enters every problem of the feedback list as a task (挂账); answers how many were new. */
    @Transactional
    int enter(FeedbackIssued feedback) {
        String townshipPath = regions.find(feedback.townshipId())
                .orElseThrow(() -> new IllegalStateException("unknown township " + feedback.townshipId()))
                .path();
        long planId = plans.ensure(feedback, townshipPath);
        int created = 0;
        for (ListedProblem problem : feedback.problems()) {
            String localityPath = regions.find(problem.localityId())
                    .orElseThrow(() -> new IllegalStateException("unknown 村居 " + problem.localityId()))
                    .path();
            boolean isNew = tasks.insert(
                    planId,
                    feedback.feedbackId(),
                    feedback.roundId().value(),
                    feedback.townshipId(),
                    feedback.townshipName(),
                    problem,
                    localityPath,
                    feedback.reportDue(),
                    problem.localityName() + "党组织书记");
            if (isNew) {
                created++;
            }
        }
        if (created > 0) {
            for (RectificationTask task : tasks.ofPlan(planId)) {
                if (task.feedbackId() == feedback.feedbackId()
                        && tasks.historyOf(task.id()).isEmpty()) {
                    tasks.history(task.id(), feedback.at(), feedback.by(), "ENTERED", null, TaskState.OPEN, null, null);
                }
            }
            audit.recordAs(
                    feedback.by(),
                    null,
                    AuditAction.CREATE,
                    "RectificationTask",
                    "feedback:" + feedback.feedbackId(),
                    AuditOutcome.SUCCESS,
                    feedback.townshipName() + " " + created);
        }
        return created;
    }

    @Transactional
    RectificationTask plan(
            RectificationTask task,
            String measures,
            String responsible,
            boolean longTerm,
            @Nullable String longTermReason,
            List<RectificationTask.Milestone> milestones,
            String actor) {
        return plan(task, measures, responsible, longTerm, longTermReason, milestones, actor, Instant.now(clock));
    }

    /** The task's measures entered at the given time (a seeding or import of records made earlier); same rules. */
    @Transactional
    RectificationTask plan(
            RectificationTask task,
            String measures,
            String responsible,
            boolean longTerm,
            @Nullable String longTermReason,
            List<RectificationTask.Milestone> milestones,
            String actor,
            Instant at) {
        RectificationPlan plan = planOf(task);
        if (!plan.state().editable()) {
            throw new RectificationRuleViolation("plan.notEditable");
        }
        RectificationTask planned = task.plan(measures, responsible, longTerm, longTermReason, milestones);
        if (longTerm) {
            LocalDate last = milestones.stream()
                    .map(RectificationTask.Milestone::due)
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            planned = withDeadline(planned, last.isAfter(task.deadline()) ? last : task.deadline());
        }
        tasks.update(planned);
        tasks.replaceMilestones(task.id(), longTerm ? milestones : List.of());
        return saved(task, planned, "PLANNED", null, measures, actor, at);
    }

    @Transactional
    RectificationTask start(RectificationTask task, String actor) {
        RectificationTask started = task.start();
        tasks.update(started);
        return saved(task, started, "STARTED", null, null, actor);
    }

    @Transactional
    Tasks.Evidence addEvidence(
            RectificationTask task,
            @Nullable String fileName,
            byte @Nullable [] content,
            @Nullable String note,
            String actor) {
        return addEvidence(task, fileName, content, note, actor, Instant.now(clock));
    }

    /** Evidence added at the given time (a seeding or import of records made earlier); same rules. */
    @Transactional
    Tasks.Evidence addEvidence(
            RectificationTask task,
            @Nullable String fileName,
            byte @Nullable [] content,
            @Nullable String note,
            String actor,
            Instant now) {
        if (task.state().closed() || task.state() == TaskState.SUBMITTED) {
            throw new RectificationRuleViolation("evidence.locked");
        }
        boolean hasFile = content != null && content.length > 0;
        if (!hasFile && (note == null || note.isBlank())) {
            throw new RectificationRuleViolation("evidence.empty");
        }
        StoredFile stored = hasFile
                ? files.store(fileName == null ? "file" : fileName, content, EVIDENCE_TYPES, MAX_EVIDENCE_BYTES)
                : null;
        long id = tasks.addEvidence(
                task.id(),
                stored == null ? null : stored.id(),
                stored == null ? null : fileName,
                stored == null ? null : stored.sha256(),
                stored == null ? null : stored.size(),
                stored == null ? null : stored.type().mediaType(),
                note == null || note.isBlank() ? null : note.strip(),
                actor,
                now);
        tasks.history(
                task.id(),
                now,
                actor,
                "EVIDENCE",
                task.state(),
                task.state(),
                null,
                stored == null ? note : fileName + " SHA-256 " + stored.sha256());
        audit.record(AuditAction.CREATE, "RectificationEvidence", id, AuditOutcome.SUCCESS, "task " + task.id());
        return tasks.evidence(task.id(), id).orElseThrow();
    }

    @Transactional
    RectificationTask submit(RectificationTask task, String actor) {
        return submit(task, actor, Instant.now(clock));
    }

    /** The task submitted for verification at the given time (a seeding or import of records made earlier). */
    @Transactional
    RectificationTask submit(RectificationTask task, String actor, Instant at) {
        RectificationTask submitted = task.submit(tasks.evidenceOf(task.id()).size(), day(at));
        tasks.update(submitted);
        return saved(task, submitted, "SUBMITTED", null, null, actor, at);
    }

    @Transactional
    RectificationTask returnFor(RectificationTask task, ReturnReason reason, String note, String actor) {
        RectificationTask returned = task.returnFor(reason, note);
        tasks.update(returned);
        events.publishEvent(
                new TaskReturned(task.id(), task.findingId(), task.townshipId(), task.localityId(), reason.name()));
        return saved(task, returned, "RETURNED", reason.name(), note, actor);
    }

    @Transactional
    RectificationTask closeOut(
            RectificationTask task, @Nullable String note, @Nullable String publicReply, String actor) {
        return closeOut(task, note, publicReply, actor, Instant.now(clock));
    }

    /**
     * The task closed out at the given time (a seeding or import of records made earlier): closed on that day, which
     * is neither in the future nor before the task was submitted.
     */
    @Transactional
    RectificationTask closeOut(
            RectificationTask task, @Nullable String note, @Nullable String publicReply, String actor, Instant at) {
        LocalDate on = day(at);
        if (on.isAfter(LocalDate.now(clock)) || (task.submittedOn() != null && on.isBefore(task.submittedOn()))) {
            throw new IllegalArgumentException("task " + task.id() + " closed out on " + on);
        }
        RectificationTask closed = task.closeOut(on, publicReply);
        tasks.update(closed);
        events.publishEvent(new RectificationClosed(
                task.id(), task.findingId(), task.roundId(), task.localityId(), task.petitionId(), closed.closedOn()));
        if (closed.petitionId() != null) {
            Long petition = closed.petitionId();
            String reply = closed.publicReply();
            petitions.ifAvailable(p -> p.concluded(petition, reply));
        }
        return saved(task, closed, "CLOSED_OUT", null, note, actor, at);
    }

    @Transactional
    RectificationPlan writePlan(RectificationPlan plan, String summary, String actor) {
        RectificationPlan written = plan.write(summary);
        plans.update(written);
        audit.record(AuditAction.UPDATE, "RectificationPlan", plan.id(), AuditOutcome.SUCCESS, "summary");
        return written;
    }

    @Transactional
    RectificationPlan submitPlan(RectificationPlan plan, String actor) {
        RectificationPlan submitted = plan.submit();
        plans.update(submitted);
        audit.record(AuditAction.UPDATE, "RectificationPlan", plan.id(), AuditOutcome.SUCCESS, "SUBMITTED");
        return submitted;
    }

    @Transactional
    RectificationPlan decidePlan(RectificationPlan plan, boolean approve, @Nullable String note, String actor) {
        RectificationPlan decided = approve ? plan.approve() : plan.returnWith(note == null ? "" : note);
        plans.update(decided);
        audit.record(
                AuditAction.UPDATE,
                "RectificationPlan",
                plan.id(),
                AuditOutcome.SUCCESS,
                decided.state() + (note == null ? "" : ": " + note));
        return decided;
    }

    private LocalDate day(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }

    private RectificationPlan planOf(RectificationTask task) {
        return plans.find(task.planId(), TaskScope.everything()).orElseThrow();
    }

    private RectificationTask saved(
            RectificationTask before,
            RectificationTask after,
            String action,
            @Nullable String reason,
            @Nullable String note,
            String actor) {
        return saved(before, after, action, reason, note, actor, Instant.now(clock));
    }

    private RectificationTask saved(
            RectificationTask before,
            RectificationTask after,
            String action,
            @Nullable String reason,
            @Nullable String note,
            String actor,
            Instant at) {
        tasks.history(before.id(), at, actor, action, before.state(), after.state(), reason, note);
        audit.record(
                AuditAction.UPDATE,
                "RectificationTask",
                before.id(),
                AuditOutcome.SUCCESS,
                action + (reason == null ? "" : " " + reason));
        return after;
    }

    private static RectificationTask withDeadline(RectificationTask t, LocalDate deadline) {
        return new RectificationTask(
                t.id(),
                t.planId(),
                t.feedbackId(),
                t.findingId(),
                t.roundId(),
                t.townshipId(),
                t.townshipName(),
                t.localityId(),
                t.localityName(),
                t.localityPath(),
                t.category(),
                t.facts(),
                t.requirement(),
                t.fixedOnTheSpot(),
                t.petitionId(),
                deadline,
                t.responsible(),
                t.measures(),
                t.longTerm(),
                t.longTermReason(),
                t.state(),
                t.returns(),
                t.submittedOn(),
                t.closedOn(),
                t.publicReply(),
                t.version());
    }
}
