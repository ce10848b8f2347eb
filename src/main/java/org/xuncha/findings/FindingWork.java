package org.xuncha.findings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.files.FileStore;
import org.xuncha.files.FileType;
import org.xuncha.files.StoredFile;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.SealedRounds;

/**
 * Recording findings and moving their working papers: a group member records and drafts, the group leader approves
 * or returns with comments, the office reviews. Each step is recorded with who, when and the comment, and audited.
 */
@Service
class FindingWork {

    static final Set<FileType> EVIDENCE_TYPES = Set.of(FileType.JPEG, FileType.PNG, FileType.PDF, FileType.OOXML);
    static final long EVIDENCE_MAX_BYTES = 20L * 1024 * 1024;

    private final FindingRecords records;
    private final Categories categories;
    private final GroupAccess access;
    private final FileStore files;
    private final FindingsAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<SealedRounds> seals;

    FindingWork(
            FindingRecords records,
            Categories categories,
            GroupAccess access,
            FileStore files,
            FindingsAudit audit,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<SealedRounds> seals) {
        this.seals = seals;
        this.records = records;
        this.categories = categories;
        this.access = access;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a member enters for a new finding (the category by id from the taxonomy). */
    record NewFinding(
            long categoryId,
            String description,
            SourceKind sourceKind,
            @org.jspecify.annotations.Nullable Long sourceId,
            String sourceNote,
            String peopleConcerned,
            java.math.@org.jspecify.annotations.Nullable BigDecimal amount,
            Severity severity) {}

    /** A member of the group that takes the 村居 records a finding there; it starts as a draft. */
    @Transactional
    Finding record(Caller caller, RoundId round, long localityId, NewFinding entry) {
        if (!access.servesIn(caller, round, localityId)) {
            throw new FindingRuleViolation("finding.rule.notInGroup");
        }
        return recordFor(caller.username(), round, localityId, entry, null);
    }

    /** Records a finding on behalf of the system (a triaged petition, the demo); no group check. */
    @Transactional
    Finding recordFor(
            String by,
            RoundId round,
            long localityId,
            NewFinding entry,
            @org.jspecify.annotations.Nullable Long petitionId) {
        return recordFor(by, round, localityId, entry, petitionId, Instant.now(clock));
    }

    /**
     * Records a finding on behalf of the system as recorded at the given time (a seeding or import of findings written
     * earlier); no group check.
     */
    @Transactional
    Finding recordFor(
            String by,
            RoundId round,
            long localityId,
            NewFinding entry,
            @org.jspecify.annotations.Nullable Long petitionId,
            Instant now) {
        requireUnsealed(round);
        RoundLocality locality = access.locality(round, localityId)
                .orElseThrow(() -> new FindingRuleViolation("finding.rule.localityNotInRound"));
        RoundGroup group = access.groupOf(round, localityId)
                .orElseThrow(() -> new FindingRuleViolation("finding.rule.noGroup", locality.name()));
        Category category = activeCategory(entry.categoryId());
        Finding draft = new Finding(
                0,
                round,
                group.number(),
                localityId,
                locality.name(),
                locality.path(),
                locality.townshipId(),
                locality.townshipName(),
                category.id(),
                category.name(),
                entry.description().strip(),
                entry.sourceKind(),
                entry.sourceId(),
                entry.sourceNote().strip(),
                entry.peopleConcerned().strip(),
                entry.amount(),
                entry.severity(),
                petitionId,
                FindingState.DRAFT,
                "",
                "",
                "",
                null,
                false,
                null,
                null,
                by,
                now,
                0);
        long id = records.insert(draft);
        Finding saved = records.find(id).orElseThrow();
        detectRepeats(saved, now);
        audit.record(AuditAction.CREATE, "Finding", id, locality.name() + " " + category.name());
        events.publishEvent(new FindingRecorded(id, round, localityId, by, now));
        return saved;
    }

    @Transactional
    Finding revise(Caller caller, Finding finding, NewFinding entry, int version) {
        requireUnsealed(finding.roundId());
        requireGroup(caller, finding);
        Category category = activeCategory(entry.categoryId());
        Finding changed = records.update(withVersion(
                finding.revise(new Finding.Particulars(
                        category.id(),
                        category.name(),
                        entry.description().strip(),
                        entry.sourceKind(),
                        entry.sourceId(),
                        entry.sourceNote().strip(),
                        entry.peopleConcerned().strip(),
                        entry.amount(),
                        entry.severity())),
                version));
        detectRepeats(changed, Instant.now(clock));
        audit.record(AuditAction.UPDATE, "Finding", finding.id(), "revised");
        return changed(changed, caller);
    }

    /** Adds an evidence item with its first file. */
    @Transactional
    Evidence.FileVersion addEvidence(
            Caller caller, Finding finding, Evidence.Purpose purpose, String title, String fileName, byte[] bytes) {
        requireUnsealed(finding.roundId());
        requireGroup(caller, finding);
        long evidenceId = records.addEvidence(finding.id(), purpose, title.isBlank() ? fileName : title.strip());
        return storeVersion(caller, finding, evidenceId, 0, fileName, bytes);
    }

    /** Replaces an evidence item's file: a new version; the older ones stay readable in the history. */
    @Transactional
    Evidence.FileVersion replaceEvidence(
            Caller caller, Finding finding, long evidenceId, int version, String fileName, byte[] bytes) {
        requireUnsealed(finding.roundId());
        requireGroup(caller, finding);
        if (records.evidence(finding.id()).stream().noneMatch(e -> e.id() == evidenceId)) {
            throw new FindingRuleViolation("evidence.rule.unknown");
        }
        return storeVersion(caller, finding, evidenceId, version, fileName, bytes);
    }

    private Evidence.FileVersion storeVersion(
            Caller caller, Finding finding, long evidenceId, int version, String fileName, byte[] bytes) {
        StoredFile stored = files.store(fileName, bytes, EVIDENCE_TYPES, EVIDENCE_MAX_BYTES);
        Evidence.FileVersion file = new Evidence.FileVersion(
                evidenceId,
                0,
                stored.id(),
                fileName,
                stored.sha256(),
                stored.size(),
                stored.type().name(),
                caller.username(),
                Instant.now(clock));
        records.addVersion(evidenceId, version, file);
        audit.record(
                AuditAction.CREATE, "Evidence", evidenceId, "finding " + finding.id() + " sha256 " + stored.sha256());
        return file;
    }

    /** The member writes the working paper (问题底稿) without submitting it. */
    @Transactional
    Finding draftPaper(Caller caller, Finding finding, Finding.Paper paper, int version) {
        requireUnsealed(finding.roundId());
        requireGroup(caller, finding);
        Finding changed = records.update(withVersion(finding.draft(clean(paper), caller.username()), version));
        audit.record(AuditAction.UPDATE, "WorkingPaper", finding.id(), "drafted");
        return changed(changed, caller);
    }

    /** The member submits the paper (with its latest text) to the group leader. */
    @Transactional
    Finding submit(Caller caller, Finding finding, Finding.Paper paper, int version) {
        return submit(caller, finding, paper, version, Instant.now(clock));
    }

    /** The paper submitted at the given time (a seeding or import of papers written earlier). */
    @Transactional
    Finding submit(Caller caller, Finding finding, Finding.Paper paper, int version, Instant at) {
        requireUnsealed(finding.roundId());
        requireGroup(caller, finding);
        Finding drafted = finding.draft(clean(paper), caller.username());
        Finding changed = records.update(withVersion(drafted.submit(caller.username()), version));
        step(caller, finding, PaperStep.Action.SUBMITTED, "", at);
        return changed(changed, caller, at);
    }

    /** The leader of the finding's group approves the paper or returns it to the drafter with comments. */
    @Transactional
    Finding leaderDecides(Caller caller, Finding finding, boolean approve, String comment, int version) {
        return leaderDecides(caller, finding, approve, comment, version, Instant.now(clock));
    }

    /** The leader's decision taken at the given time (a seeding or import of papers decided earlier). */
    @Transactional
    Finding leaderDecides(Caller caller, Finding finding, boolean approve, String comment, int version, Instant at) {
        requireUnsealed(finding.roundId());
        if (!access.leads(caller, finding.roundId(), finding.localityId())) {
            throw new FindingRuleViolation("paper.rule.notLeader");
        }
        Finding changed = records.update(withVersion(finding.leaderDecides(approve, comment.strip()), version));
        step(
                caller,
                finding,
                approve ? PaperStep.Action.LEADER_APPROVED : PaperStep.Action.LEADER_RETURNED,
                comment,
                at);
        return changed(changed, caller, at);
    }

    /** The office (staff or director) reviews a paper the leader approved: approved (审定) or returned. */
    @Transactional
    Finding officeDecides(Caller caller, Finding finding, boolean approve, String comment, int version) {
        return officeDecides(caller, finding, approve, comment, version, Instant.now(clock));
    }

    /** The office's review taken at the given time (a seeding or import of papers decided earlier). */
    @Transactional
    Finding officeDecides(Caller caller, Finding finding, boolean approve, String comment, int version, Instant at) {
        requireUnsealed(finding.roundId());
        if (!caller.office()) {
            throw new FindingRuleViolation("paper.rule.notOffice");
        }
        Finding changed = records.update(withVersion(finding.officeDecides(approve, comment.strip()), version));
        step(
                caller,
                finding,
                approve ? PaperStep.Action.OFFICE_APPROVED : PaperStep.Action.OFFICE_RETURNED,
                comment,
                at);
        if (approve) {
            events.publishEvent(
                    new FindingApproved(finding.id(), finding.roundId(), finding.localityId(), caller.username(), at));
        }
        return changed(changed, caller, at);
    }

    /** 立行立改: a group member records what the 村居 did and when; evidence is added as FIX evidence. */
    @Transactional
    Finding fixedOnTheSpot(Caller caller, Finding finding, String action, LocalDate on, int version) {
        return fixedOnTheSpot(caller, finding, action, on, version, Instant.now(clock));
    }

    /** 立行立改 entered at the given time (a seeding or import of fixes recorded earlier): {@code on} not after it. */
    @Transactional
    Finding fixedOnTheSpot(Caller caller, Finding finding, String action, LocalDate on, int version, Instant at) {
        requireUnsealed(finding.roundId());
        requireGroup(caller, finding);
        LocalDate entered = at.atZone(clock.getZone()).toLocalDate();
        Finding changed = records.update(withVersion(finding.fixedOnTheSpot(action.strip(), on, entered), version));
        audit.record(AuditAction.UPDATE, "Finding", finding.id(), "立行立改 " + on);
        return changed(changed, caller, at);
    }

    /** Once the round's dossier is sealed (the round report finalized), none of its findings changes. */
    private void requireUnsealed(RoundId round) {
        SealedRounds sealed = seals.getIfAvailable();
        if (sealed != null && sealed.isSealed(round)) {
            throw new FindingRuleViolation("finding.rule.sealed");
        }
    }

    private Finding changed(Finding finding, Caller caller) {
        return changed(finding, caller, Instant.now(clock));
    }

    private Finding changed(Finding finding, Caller caller, Instant at) {
        events.publishEvent(
                new FindingChanged(finding.id(), finding.roundId(), finding.localityId(), caller.username(), at));
        return finding;
    }

    private void step(Caller caller, Finding finding, PaperStep.Action action, String comment) {
        step(caller, finding, action, comment, Instant.now(clock));
    }

    private void step(Caller caller, Finding finding, PaperStep.Action action, String comment, Instant at) {
        records.addStep(finding.id(), action, caller.username(), caller.displayName(), at, comment.strip());
        audit.record(AuditAction.UPDATE, "WorkingPaper", finding.id(), action.name());
    }

    /** Links the finding to similar ones in its 村居 and, for common problems, across its township in the round. */
    private void detectRepeats(Finding finding, Instant now) {
        for (Finding other : records.sameLocalityAndCategory(finding)) {
            double similarity = RepeatDetector.similarity(finding.description(), other.description());
            if (similarity >= RepeatDetector.RECURRENCE_SIMILARITY) {
                records.link(finding.id(), other.id(), FindingLink.Kind.RECURRENCE, similarity, now);
            }
        }
        List<Finding> township = records.sameTownshipAndCategory(finding);
        Set<Long> localities = new HashSet<>();
        localities.add(finding.localityId());
        township.forEach(f -> localities.add(f.localityId()));
        if (RepeatDetector.common(
                localities.size(), access.localitiesOfTownship(finding.roundId(), finding.townshipId()))) {
            for (Finding other : township) {
                records.link(
                        finding.id(),
                        other.id(),
                        FindingLink.Kind.COMMON,
                        RepeatDetector.similarity(finding.description(), other.description()),
                        now);
            }
        }
    }

    private Category activeCategory(long id) {
        return categories
                .find(id)
                .filter(Category::active)
                .orElseThrow(() -> new FindingRuleViolation("finding.rule.category"));
    }

    private void requireGroup(Caller caller, Finding finding) {
        if (!access.servesIn(caller, finding.roundId(), finding.localityId())) {
            throw new FindingRuleViolation("finding.rule.notInGroup");
        }
    }

    private static Finding.Paper clean(Finding.Paper paper) {
        return new Finding.Paper(
                paper.facts().strip(),
                paper.ruleBroken().strip(),
                paper.proposedHandling().strip());
    }

    /** The finding as the caller last saw it (their form's version), so a stale edit is a conflict. */
    private static Finding withVersion(Finding f, int version) {
        return new Finding(
                f.id(),
                f.roundId(),
                f.groupNumber(),
                f.localityId(),
                f.localityName(),
                f.localityPath(),
                f.townshipId(),
                f.townshipName(),
                f.categoryId(),
                f.category(),
                f.description(),
                f.sourceKind(),
                f.sourceId(),
                f.sourceNote(),
                f.peopleConcerned(),
                f.amount(),
                f.severity(),
                f.petitionId(),
                f.state(),
                f.facts(),
                f.ruleBroken(),
                f.proposedHandling(),
                f.draftedBy(),
                f.fixedOnTheSpot(),
                f.fixAction(),
                f.fixedOn(),
                f.recordedBy(),
                f.recordedAt(),
                version);
    }
}
