package org.xuncha.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.findings.FindingState;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Findings;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundState;
import org.xuncha.planning.RoundSummary;

/**
 * Generates a round's feedback lists from its approved findings, one per township, keeps their terms and meetings and
 * issues them (publishing {@link FeedbackIssued}). Nothing is generated or issued while the round has a finding that
 * is not approved (审定) — a returned, submitted or draft finding must be approved or removed first — nor once the
 * round's dossier is sealed.
 */
@Service
class FeedbackIssuing {

    /** Round states in which feedback may be prepared and issued: after the fieldwork, before closing. */
    static final Set<RoundState> FEEDBACK_STATES =
            Set.of(RoundState.FIELDWORK_FINISHED, RoundState.REPORTED, RoundState.FEEDBACK_GIVEN);

    static final String DEFAULT_REQUIREMENT = "对照问题逐条整改，举一反三、建章立制，形成长效机制。";

    private final FeedbackLists lists;
    private final Findings findings;
    private final Regions regions;
    private final Seals seals;
    private final FeedbackAudit audit;
    private final ApplicationEventPublisher events;
    private final int defaultMonths;

    FeedbackIssuing(
            FeedbackLists lists,
            Findings findings,
            Regions regions,
            Seals seals,
            FeedbackAudit audit,
            ApplicationEventPublisher events,
            @Value("${xuncha.feedback.report-months:2}") int defaultMonths) {
        this.lists = lists;
        this.findings = findings;
        this.regions = regions;
        this.seals = seals;
        this.audit = audit;
        this.events = events;
        this.defaultMonths = defaultMonths;
    }

    int defaultMonths() {
        return defaultMonths;
    }

    /** The round's findings that keep feedback back: every finding not approved by the office. */
    List<FindingSummary> unapproved(RoundSummary round) {
        return findings.ofRound(round.id()).stream()
                .filter(f -> f.state() != FindingState.APPROVED)
                .toList();
    }

    /**
     * Generates (or regenerates, for lists not yet issued) the feedback list of every township of the round with the
     * given months for the rectification report; returns how many lists were written.
     */
    @Transactional
    int generate(RoundSummary round, List<RoundLocality> localities, int months, String by, Instant at) {
        requireOpen(round);
        if (months < 1 || months > 12) {
            throw new FeedbackRuleViolation("feedback.rule.months");
        }
        Map<Long, List<FindingSummary>> approved = findings.approvedOfRound(round.id()).stream()
                .collect(Collectors.groupingBy(FindingSummary::townshipId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, String> townships = new LinkedHashMap<>();
        localities.forEach(l -> townships.putIfAbsent(l.townshipId(), l.townshipName()));
        int written = 0;
        for (Map.Entry<Long, String> township : townships.entrySet()) {
            FeedbackList list = lists.find(round.id(), township.getKey()).orElse(null);
            if (list == null) {
                String path = regions.find(township.getKey())
                        .map(RegionSummary::path)
                        .orElseThrow(() -> new IllegalStateException("township " + township.getKey() + " not found"));
                lists.insert(
                        round.id(),
                        township.getKey(),
                        township.getValue(),
                        path,
                        months,
                        FeedbackList.standardRequirements(months),
                        by,
                        at);
                list = lists.find(round.id(), township.getKey()).orElseThrow();
            } else if (list.issued()) {
                continue;
            } else if (list.reportMonths() != months) {
                list.revise(months, FeedbackList.standardRequirements(months));
            }
            list.regenerate(problems(approved.getOrDefault(township.getKey(), List.of())));
            lists.update(list, by, at);
            written++;
            audit.record(
                    AuditAction.UPDATE,
                    "FeedbackList",
                    list.id(),
                    round.label() + " " + list.townshipName() + ": "
                            + list.problems().size() + " problems");
        }
        return written;
    }

    @Transactional
    void revise(FeedbackList list, RoundSummary round, int months, String requirements, int version) {
        requireVersion(list, version);
        requireUnsealed(round);
        list.revise(months, requirements);
        lists.update(list, null, Instant.now());
        audit.record(AuditAction.UPDATE, "FeedbackList", list.id(), list.townshipName() + ": " + months + " months");
    }

    @Transactional
    void recordMeeting(FeedbackList list, RoundSummary round, FeedbackList.Meeting meeting, int version) {
        requireVersion(list, version);
        requireUnsealed(round);
        list.recordMeeting(meeting);
        lists.update(list, null, Instant.now());
        audit.record(
                AuditAction.UPDATE,
                "FeedbackList",
                list.id(),
                list.townshipName() + ": meeting " + meeting.on() + " " + meeting.place());
    }

    /** Issues the list and publishes {@link FeedbackIssued} with every problem on it. */
    @Transactional
    FeedbackIssued issue(FeedbackList list, RoundSummary round, int version, String by, Instant at) {
        requireVersion(list, version);
        requireOpen(round);
        List<Long> approvedNow = findings.approvedOfRound(round.id()).stream()
                .filter(f -> f.townshipId() == list.townshipId())
                .map(FindingSummary::id)
                .toList();
        FeedbackIssued issued = list.issue(approvedNow, by, at);
        lists.update(list, null, at);
        events.publishEvent(issued);
        audit.record(
                AuditAction.UPDATE,
                "FeedbackList",
                list.id(),
                round.label() + " " + list.townshipName() + ": issued with "
                        + issued.problems().size() + " problems, report due " + issued.reportDue());
        return issued;
    }

    private void requireOpen(RoundSummary round) {
        requireUnsealed(round);
        if (!FEEDBACK_STATES.contains(round.state())) {
            throw new FeedbackRuleViolation("feedback.rule.roundState", round.label());
        }
        List<FindingSummary> open = unapproved(round);
        if (!open.isEmpty()) {
            throw new FeedbackRuleViolation(
                    "feedback.rule.unapproved",
                    open.size(),
                    open.stream()
                            .limit(10)
                            .map(f -> f.localityName() + "「" + f.category() + "」" + "#" + f.id())
                            .collect(Collectors.joining("、")));
        }
    }

    private void requireUnsealed(RoundSummary round) {
        if (seals.isSealed(round.id())) {
            throw new FeedbackRuleViolation("feedback.rule.sealed", round.label());
        }
    }

    private static void requireVersion(FeedbackList list, int version) {
        if (list.version() != version) {
            throw new OptimisticLockingFailureException("feedback list " + list.id() + " changed since it was read");
        }
    }

    static List<FeedbackList.Problem> problems(List<FindingSummary> approved) {
        return approved.stream()
                .map(f -> new FeedbackList.Problem(
                        f.id(),
                        f.groupNumber(),
                        f.localityId(),
                        f.localityName(),
                        f.category(),
                        f.description(),
                        f.proposedHandling().isBlank() ? DEFAULT_REQUIREMENT : f.proposedHandling(),
                        f.severity().name(),
                        f.fixedOnTheSpot(),
                        f.petitionId()))
                .toList();
    }
}
