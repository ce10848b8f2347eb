package org.xuncha.findings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.files.FileStore;
import org.xuncha.files.StoredFile;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;

/**
 * Leads (问题线索) from raising to disposition: raised by the director or the leader of the group, transferred by the
 * director with a register number (移交函编号, gap-free per year), received and reported on by the receiving body.
 * Who may read the content is decided here and every view, download and state change is audited; a refusal is
 * audited too and its entry kept (refusals come before any change).
 */
@Service
class LeadWork {

    /** What is entered for a lead. */
    record NewLead(
            String persons,
            String matter,
            @Nullable BigDecimal amount,
            ReceivingBody receiver,
            String receiverName,
            Lead.Sensitivity sensitivity) {}

    private final LeadRecords leads;
    private final GroupAccess access;
    private final FileStore files;
    private final FindingsAudit audit;
    private final Clock clock;
    private final int reportMonths;
    private final String registerPrefix;

    LeadWork(
            LeadRecords leads,
            GroupAccess access,
            FileStore files,
            FindingsAudit audit,
            Clock clock,
            @Value("${xuncha.findings.lead-report-months:3}") int reportMonths,
            @Value("${xuncha.findings.transfer-register-prefix:睢巡移}") String registerPrefix) {
        this.leads = leads;
        this.access = access;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.reportMonths = reportMonths;
        this.registerPrefix = registerPrefix;
    }

    int reportMonths() {
        return reportMonths;
    }

    /** The director (in scope) or the leader of the group that takes the 村居 raises a lead. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    long raise(Caller caller, RoundId round, long localityId, @Nullable Long findingId, NewLead entry) {
        return raise(caller, round, localityId, findingId, entry, Instant.now(clock));
    }

    /** A lead raised at the given time (a seeding or import of leads raised earlier); same rules. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    long raise(Caller caller, RoundId round, long localityId, @Nullable Long findingId, NewLead entry, Instant at) {
        if (!caller.director() && !access.leads(caller, round, localityId)) {
            audit.record(AuditAction.ACCESS_DENIED, "Lead", "new", AuditOutcome.FAILURE, "raise refused");
            throw new FindingRuleViolation("lead.rule.mayNotRaise");
        }
        return raiseFor(caller.username(), round, localityId, findingId, null, entry, at);
    }

    /** Raises a lead on behalf of the system (a triaged petition, the demo). */
    @Transactional
    long raiseFor(
            String by,
            RoundId round,
            long localityId,
            @Nullable Long findingId,
            @Nullable Long petitionId,
            NewLead entry) {
        return raiseFor(by, round, localityId, findingId, petitionId, entry, Instant.now(clock));
    }

    private long raiseFor(
            String by,
            RoundId round,
            long localityId,
            @Nullable Long findingId,
            @Nullable Long petitionId,
            NewLead entry,
            Instant at) {
        if (entry.persons().isBlank() || entry.matter().isBlank()) {
            throw new FindingRuleViolation("lead.rule.contentRequired");
        }
        RoundLocality locality = access.locality(round, localityId)
                .orElseThrow(() -> new FindingRuleViolation("finding.rule.localityNotInRound"));
        RoundGroup group = access.groupOf(round, localityId)
                .orElseThrow(() -> new FindingRuleViolation("finding.rule.noGroup", locality.name()));
        String receiverName = entry.receiver() == ReceivingBody.OTHER_DEPARTMENT
                ? entry.receiverName().strip()
                : receiverName(entry.receiver());
        if (receiverName.isBlank()) {
            throw new FindingRuleViolation("lead.rule.receiverName");
        }
        long id = leads.insert(
                round,
                group.number(),
                localityId,
                locality.name(),
                locality.path(),
                locality.townshipName(),
                findingId,
                petitionId,
                entry.persons().strip(),
                entry.matter().strip(),
                entry.amount(),
                entry.receiver(),
                receiverName,
                entry.sensitivity(),
                by,
                at);
        audit.record(AuditAction.CREATE, "Lead", id, "raised for " + entry.receiver());
        return id;
    }

    static String receiverName(ReceivingBody body) {
        return switch (body) {
            case DISCIPLINE_COMMISSION -> "区纪委监委";
            case ORGANIZATION_DEPARTMENT -> "区委组织部";
            case OTHER_DEPARTMENT -> "";
        };
    }

    /** Whether the caller may read the lead's content (who, what, amounts, files, dispositions). */
    boolean mayRead(Caller caller, Lead lead) {
        return caller.director()
                || access.leads(caller, lead.roundId(), lead.localityId())
                || (caller.has("LEAD_RECEIVER") && lead.sentTo(caller.receivingBody()));
    }

    /** The content, audited as a confidential view; refused (and audited) for anyone else. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    LeadContent read(Caller caller, Lead lead, String purpose) {
        if (!mayRead(caller, lead)) {
            audit.record(AuditAction.ACCESS_DENIED, "Lead", lead.id(), AuditOutcome.FAILURE, purpose);
            throw new FindingRuleViolation("lead.rule.confidential");
        }
        audit.record(AuditAction.VIEW_CONFIDENTIAL, "Lead", lead.id(), purpose);
        return leads.content(lead.id());
    }

    /** The director approves the transfer: register number, transfer date and report-back deadline. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    Lead transfer(Caller caller, Lead lead, int version) {
        return transfer(caller, lead, version, LocalDate.now(clock));
    }

    /**
     * The transfer approved on the given day (a seeding or import of transfers made earlier): the register number of
     * that day's year, the report-back deadline counted from it; not a day in the future.
     */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    Lead transfer(Caller caller, Lead lead, int version, LocalDate today) {
        if (today.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("transfer dated in the future: " + today);
        }
        if (!caller.director()) {
            audit.record(AuditAction.ACCESS_DENIED, "Lead", lead.id(), AuditOutcome.FAILURE, "transfer refused");
            throw new FindingRuleViolation("lead.rule.directorOnly");
        }
        Lead current = atVersion(lead, version);
        current.requireState(Lead.State.RAISED, "lead.rule.notRaised");
        int seq = leads.nextNumber(today.getYear());
        String number = registerNumber(registerPrefix, today.getYear(), seq);
        leads.transferred(
                current, today.getYear(), seq, number, caller.username(), today, today.plusMonths(reportMonths));
        audit.record(AuditAction.UPDATE, "Lead", lead.id(), "transferred " + number);
        return leads.find(lead.id()).orElseThrow();
    }

    static String registerNumber(String prefix, int year, int seq) {
        return prefix + "〔" + year + "〕" + seq + "号";
    }

    /** A user of the receiving body confirms receipt (签收). */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    Lead receive(Caller caller, Lead lead, int version) {
        return receive(caller, lead, version, Instant.now(clock));
    }

    /** Receipt confirmed at the given time (a seeding or import of receipts made earlier). */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    Lead receive(Caller caller, Lead lead, int version, Instant at) {
        requireReceiver(caller, lead);
        Lead current = atVersion(lead, version);
        current.requireState(Lead.State.TRANSFERRED, "lead.rule.notTransferred");
        leads.received(current, caller.username(), at);
        audit.record(AuditAction.UPDATE, "Lead", lead.id(), "received");
        return leads.find(lead.id()).orElseThrow();
    }

    /** The receiving body reports how it disposed of the lead; 了结 concludes it. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    Lead reportDisposition(
            Caller caller, Lead lead, Lead.DispositionKind kind, LocalDate on, String note, int version) {
        return reportDisposition(caller, lead, kind, on, note, version, Instant.now(clock));
    }

    /** A disposition reported at the given time (a seeding or import of reports made earlier): {@code on} not after it. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    Lead reportDisposition(
            Caller caller, Lead lead, Lead.DispositionKind kind, LocalDate on, String note, int version, Instant at) {
        requireReceiver(caller, lead);
        Lead current = atVersion(lead, version);
        current.requireState(Lead.State.RECEIVED, "lead.rule.notReceived");
        LocalDate reported = at.atZone(clock.getZone()).toLocalDate();
        if (on.isAfter(reported)
                || on.isAfter(LocalDate.now(clock))
                || (lead.transferredOn() != null && on.isBefore(lead.transferredOn()))) {
            throw new FindingRuleViolation("lead.rule.dispositionDate");
        }
        leads.disposition(current, kind, on, note.strip(), caller.username(), at);
        audit.record(AuditAction.UPDATE, "Lead", lead.id(), "disposition " + kind);
        return leads.find(lead.id()).orElseThrow();
    }

    /** Adds a file of evidence to a lead not yet transferred, by someone who may read it. */
    @Transactional(noRollbackFor = FindingRuleViolation.class)
    void addFile(Caller caller, Lead lead, String fileName, byte[] bytes) {
        if (!mayRead(caller, lead) || caller.has("LEAD_RECEIVER")) {
            audit.record(AuditAction.ACCESS_DENIED, "Lead", lead.id(), AuditOutcome.FAILURE, "file refused");
            throw new FindingRuleViolation("lead.rule.confidential");
        }
        lead.requireState(Lead.State.RAISED, "lead.rule.notRaised");
        StoredFile stored = files.store(fileName, bytes, FindingWork.EVIDENCE_TYPES, FindingWork.EVIDENCE_MAX_BYTES);
        leads.addFile(
                lead.id(),
                stored.id(),
                fileName,
                stored.sha256(),
                stored.size(),
                stored.type().name(),
                caller.username(),
                Instant.now(clock));
        audit.record(AuditAction.CREATE, "LeadFile", lead.id(), "sha256 " + stored.sha256());
    }

    private void requireReceiver(Caller caller, Lead lead) {
        if (!caller.has("LEAD_RECEIVER") || !lead.sentTo(caller.receivingBody())) {
            audit.record(AuditAction.ACCESS_DENIED, "Lead", lead.id(), AuditOutcome.FAILURE, "receiver only");
            throw new FindingRuleViolation("lead.rule.receiverOnly");
        }
    }

    private Lead atVersion(Lead lead, int version) {
        Lead current = leads.find(lead.id()).orElseThrow();
        if (current.version() != version) {
            throw new org.springframework.dao.OptimisticLockingFailureException("lead " + lead.id() + " changed");
        }
        return current;
    }

    List<Lead> register(LeadRecords.Filter filter) {
        return leads.register(filter);
    }
}
