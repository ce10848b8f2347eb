package org.xuncha.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.confidential.Sm3;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Findings;
import org.xuncha.planning.ActivityFigures;
import org.xuncha.planning.RoundActivity;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;

/**
 * The round's dossier (巡察案卷): the round report drafted from the records and edited by the office, its finalization
 * which seals the dossier, and the seal check. The seal keeps one digest per part — each finding of the round
 * (SM3 of its canonical serialization), each feedback list with its problems, the report's text, and each document as
 * generated at sealing (SHA-256 of the stored bytes) — and an SM3 digest over all parts; the check recomputes every
 * part and names each one that changed, disappeared or appeared.
 */
@Service
class RoundDossier {

    static final String ALGORITHM = "SM3 (records), SHA-256 (documents)";

    /** A part of the dossier whose digest differs from the sealed one. */
    record PartChange(String part, Change change) {}

    /** 已改动 / 已缺失 / 新增. */
    enum Change {
        CHANGED,
        MISSING,
        ADDED
    }

    /** The result of a seal check (封存校验). */
    record SealCheck(
            String digest,
            String sealedBy,
            Instant sealedAt,
            int parts,
            boolean partListIntact,
            List<PartChange> changes) {

        public boolean intact() {
            return partListIntact && changes.isEmpty();
        }
    }

    private final RoundReports reports;
    private final FeedbackLists lists;
    private final Findings findings;
    private final FeedbackDocuments documents;
    private final Seals seals;
    private final FeedbackAudit audit;
    private final JdbcClient jdbc;
    private final ObjectProvider<RoundActivity> activity;

    RoundDossier(
            RoundReports reports,
            FeedbackLists lists,
            Findings findings,
            FeedbackDocuments documents,
            Seals seals,
            FeedbackAudit audit,
            JdbcClient jdbc,
            ObjectProvider<RoundActivity> activity) {
        this.reports = reports;
        this.lists = lists;
        this.findings = findings;
        this.documents = documents;
        this.seals = seals;
        this.audit = audit;
        this.jdbc = jdbc;
        this.activity = activity;
    }

    /** The report, drafted from the records the first time it is opened. */
    @Transactional
    RoundReport report(
            RoundSummary round, List<RoundGroup> groups, List<RoundLocality> localities, String by, Instant at) {
        Optional<RoundReport> existing = reports.find(round.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        reports.insert(round.id(), draft(round, groups, localities), by, at);
        audit.record(AuditAction.CREATE, "RoundReport", round.id().value(), round.label() + ": drafted");
        return reports.find(round.id()).orElseThrow();
    }

    RoundReport.Sections draft(RoundSummary round, List<RoundGroup> groups, List<RoundLocality> localities) {
        ActivityFigures figures = activity.orderedStream()
                .map(a -> a.of(round.id()))
                .reduce(ActivityFigures.none(), ActivityFigures::with);
        int transferred = (int) findings.leadTally(round.id()).transferred();
        return ReportDrafting.draft(
                round, groups, localities, findings.approvedOfRound(round.id()), figures, transferred);
    }

    @Transactional
    void revise(RoundSummary round, RoundReport report, RoundReport.Sections sections, int version, String by) {
        requireUnsealed(round);
        if (report.version() != version) {
            throw new OptimisticLockingFailureException("round report " + round.id() + " changed since it was read");
        }
        report.revise(sections);
        reports.update(report, by, Instant.now());
        audit.record(AuditAction.UPDATE, "RoundReport", round.id().value(), round.label() + ": revised");
    }

    /**
     * Finalizes the report and seals the dossier: only when every finding is approved and every township's feedback
     * list is issued, so the sealed dossier is complete.
     */
    @Transactional
    SealCheck finalizeAndSeal(
            RoundSummary round,
            RoundReport report,
            List<RoundLocality> localities,
            int version,
            String by,
            Instant at) {
        requireUnsealed(round);
        if (report.version() != version) {
            throw new OptimisticLockingFailureException("round report " + round.id() + " changed since it was read");
        }
        List<FindingSummary> all = findings.ofRound(round.id());
        List<FindingSummary> open = all.stream()
                .filter(f -> f.state() != org.xuncha.findings.FindingState.APPROVED)
                .toList();
        if (!open.isEmpty()) {
            throw new FeedbackRuleViolation(
                    "feedback.rule.unapproved",
                    open.size(),
                    open.stream()
                            .limit(10)
                            .map(f -> f.localityName() + "「" + f.category() + "」#" + f.id())
                            .collect(Collectors.joining("、")));
        }
        List<FeedbackList> roundLists = lists.ofRound(round.id(), FeedbackLists.Reach.all());
        Set<String> issued = roundLists.stream()
                .filter(FeedbackList::issued)
                .map(FeedbackList::townshipName)
                .collect(Collectors.toSet());
        Set<String> missing = localities.stream()
                .map(RoundLocality::townshipName)
                .filter(t -> !issued.contains(t))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!missing.isEmpty()) {
            throw new FeedbackRuleViolation("report.rule.feedbackMissing", String.join("、", missing));
        }
        report.finalizeBy(by, at);
        reports.update(report, by, at);
        RoundReport stored = reports.find(round.id()).orElseThrow();
        jdbc.sql("""
                        insert into feedback.seal (round_id, algorithm, digest, sealed_by, sealed_at)
                        values (:round, :algorithm, '', :by, :at)""")
                .param("round", round.id().value())
                .param("algorithm", ALGORITHM)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        LocalDate today = LocalDate.ofInstant(at, ZoneId.systemDefault());
        List<String> townships = new ArrayList<>(new LinkedHashSet<>(
                localities.stream().map(RoundLocality::townshipName).toList()));
        List<FindingSummary> approved = findings.approvedOfRound(round.id());
        storeDocument(
                round.id(),
                "report",
                round.termName() + round.label() + "巡察村居工作情况报告.docx",
                documents.report(round, stored, ReportDrafting.categoryTable(approved, townships), townships, today));
        for (FeedbackList list : roundLists) {
            storeDocument(
                    round.id(),
                    "feedback-" + list.id() + ".docx",
                    FeedbackDocuments.townshipFileName(round, list, "docx"),
                    documents.townshipList(round, list, today));
            storeDocument(
                    round.id(),
                    "feedback-" + list.id() + ".xlsx",
                    FeedbackDocuments.townshipFileName(round, list, "xlsx"),
                    documents.ledger(List.of(list)));
        }
        Map<String, String> parts = parts(round.id());
        parts.forEach((name, digest) -> jdbc.sql(
                        "insert into feedback.seal_part (round_id, name, digest) values (:round, :name, :digest)")
                .param("round", round.id().value())
                .param("name", name)
                .param("digest", digest)
                .update());
        String digest = digestOf(parts);
        jdbc.sql("update feedback.seal set digest = :digest where round_id = :round")
                .param("digest", digest)
                .param("round", round.id().value())
                .update();
        audit.record(
                AuditAction.UPDATE,
                "RoundReport",
                round.id().value(),
                round.label() + ": finalized, dossier sealed with " + parts.size() + " parts, SM3 " + digest);
        return check(round.id()).orElseThrow();
    }

    /** Recomputes every part of a sealed dossier and compares it with the seal; empty when the round is not sealed. */
    @Transactional(readOnly = true)
    Optional<SealCheck> check(RoundId round) {
        record Seal(String digest, String by, Instant at) {}
        Optional<Seal> seal = jdbc.sql("select digest, sealed_by, sealed_at from feedback.seal where round_id = :round")
                .param("round", round.value())
                .query((rs, n) -> new Seal(
                        rs.getString("digest"),
                        rs.getString("sealed_by"),
                        rs.getTimestamp("sealed_at").toInstant()))
                .optional();
        if (seal.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> sealed = new TreeMap<>();
        jdbc.sql("select name, digest from feedback.seal_part where round_id = :round")
                .param("round", round.value())
                .query((rs, n) -> sealed.put(rs.getString("name"), rs.getString("digest")))
                .list();
        Map<String, String> now = parts(round);
        List<PartChange> changes = new ArrayList<>();
        sealed.forEach((name, digest) -> {
            String current = now.get(name);
            if (current == null) {
                changes.add(new PartChange(name, Change.MISSING));
            } else if (!current.equals(digest)) {
                changes.add(new PartChange(name, Change.CHANGED));
            }
        });
        now.keySet().stream()
                .filter(name -> !sealed.containsKey(name))
                .forEach(name -> changes.add(new PartChange(name, Change.ADDED)));
        return Optional.of(new SealCheck(
                seal.get().digest(),
                seal.get().by(),
                seal.get().at(),
                sealed.size(),
                digestOf(sealed).equals(seal.get().digest()),
                changes));
    }

    /** A sealed document as stored at sealing: file name and bytes. */
    Optional<Map.Entry<String, byte[]>> sealedDocument(RoundId round, String name) {
        return jdbc.sql(
                        "select file_name, content from feedback.sealed_document where round_id = :round and name = :name")
                .param("round", round.value())
                .param("name", name)
                .query((rs, n) -> Map.entry(rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    /** The digest of every part of the round's dossier as it is now, by part name. */
    private Map<String, String> parts(RoundId round) {
        Map<String, String> parts = new TreeMap<>();
        for (FindingSummary f : findings.ofRound(round)) {
            parts.put(
                    "finding:" + f.id(),
                    Sm3.hex(Canonical.of("finding")
                            .field("id", f.id())
                            .field("round", f.roundId().value())
                            .field("group", f.groupNumber())
                            .field("locality", f.localityId())
                            .field("localityName", f.localityName())
                            .field("township", f.townshipId())
                            .field("townshipName", f.townshipName())
                            .field("category", f.category())
                            .field("description", f.description())
                            .field("proposedHandling", f.proposedHandling())
                            .field("state", f.state())
                            .field("fixedOnTheSpot", f.fixedOnTheSpot())
                            .field("petition", f.petitionId())
                            .field("severity", f.severity())
                            .text()));
        }
        for (FeedbackList list : lists.ofRound(round, FeedbackLists.Reach.all())) {
            FeedbackList.Meeting meeting = list.meeting();
            Canonical canonical = Canonical.of("feedback")
                    .field("id", list.id())
                    .field("township", list.townshipId())
                    .field("townshipName", list.townshipName())
                    .field("state", list.state())
                    .field("reportMonths", list.reportMonths())
                    .field("requirements", list.requirements())
                    .field("meetingOn", meeting == null ? null : meeting.on())
                    .field("meetingPlace", meeting == null ? null : meeting.place())
                    .field("meetingAttendees", meeting == null ? null : meeting.attendees())
                    .field("issuedOn", list.issuedOn())
                    .field("reportDue", list.reportDue())
                    .field("issuedBy", list.issuedBy())
                    .field("issuedAt", list.issuedAt());
            for (FeedbackList.Problem p : list.problems()) {
                canonical
                        .field("problem", p.findingId())
                        .field("group", p.groupNumber())
                        .field("locality", p.localityId())
                        .field("localityName", p.localityName())
                        .field("category", p.category())
                        .field("facts", p.facts())
                        .field("requirement", p.requirement())
                        .field("severity", p.severity())
                        .field("fixedOnTheSpot", p.fixedOnTheSpot())
                        .field("petition", p.petitionId());
            }
            parts.put("feedback:" + list.id(), Sm3.hex(canonical.text()));
        }
        reports.find(round)
                .ifPresent(report -> parts.put(
                        "report",
                        Sm3.hex(Canonical.of("report")
                                .field("overview", report.overview())
                                .field("workDone", report.workDone())
                                .field("findings", report.findingsText())
                                .field("commonProblems", report.commonProblems())
                                .field("recommendations", report.recommendations())
                                .field("finalizedBy", report.finalizedBy())
                                .field("finalizedAt", report.finalizedAt())
                                .text())));
        jdbc.sql("select name, content from feedback.sealed_document where round_id = :round")
                .param("round", round.value())
                .query((rs, n) ->
                        parts.put("document:" + rs.getString("name"), Canonical.sha256(rs.getBytes("content"))))
                .list();
        return parts;
    }

    private static String digestOf(Map<String, String> parts) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parts)
                .forEach((name, digest) ->
                        text.append(name).append('=').append(digest).append('\n'));
        return Sm3.hex(text.toString());
    }

    private void storeDocument(RoundId round, String name, String fileName, byte[] content) {
        jdbc.sql("""
                        insert into feedback.sealed_document (round_id, name, file_name, content)
                        values (:round, :name, :fileName, :content)""")
                .param("round", round.value())
                .param("name", name)
                .param("fileName", fileName)
                .param("content", content)
                .update();
    }

    private void requireUnsealed(RoundSummary round) {
        if (seals.isSealed(round.id())) {
            throw new FeedbackRuleViolation("feedback.rule.sealed", round.label());
        }
    }
}
