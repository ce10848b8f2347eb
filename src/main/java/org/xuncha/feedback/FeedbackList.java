package org.xuncha.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.xuncha.planning.RoundId;

/**
 * 反馈清单: a township's problem list (问题清单) of a round, with its 村居's problems, the rectification requirements and
 * the months the township has for its rectification report (整改报告, by default two), delivered at the feedback
 * meeting (反馈会) through the township. A draft is regenerated from the approved findings; issuing freezes it and
 * registers {@link FeedbackIssued}.
 */
class FeedbackList {

    /** 草稿 / 已反馈. */
    enum State {
        DRAFT,
        ISSUED
    }

    /** 反馈会: when and where the list was delivered, and who attended. */
    record Meeting(LocalDate on, String place, String attendees) {}

    /** One problem on the list, as copied from its approved finding. */
    record Problem(
            long findingId,
            int groupNumber,
            long localityId,
            String localityName,
            String category,
            String facts,
            String requirement,
            String severity,
            boolean fixedOnTheSpot,
            @Nullable Long petitionId) {

        ListedProblem listed() {
            return new ListedProblem(
                    findingId, localityId, localityName, category, facts, requirement, fixedOnTheSpot, petitionId);
        }
    }

    private final long id;
    private final RoundId roundId;
    private final long townshipId;
    private final String townshipName;
    private final String townshipPath;
    private State state;
    private int reportMonths;
    private String requirements;
    private @Nullable Meeting meeting;
    private @Nullable LocalDate issuedOn;
    private @Nullable LocalDate reportDue;
    private @Nullable String issuedBy;
    private @Nullable Instant issuedAt;
    private List<Problem> problems;
    private final int version;

    FeedbackList(
            long id,
            RoundId roundId,
            long townshipId,
            String townshipName,
            String townshipPath,
            State state,
            int reportMonths,
            String requirements,
            @Nullable Meeting meeting,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate reportDue,
            @Nullable String issuedBy,
            @Nullable Instant issuedAt,
            List<Problem> problems,
            int version) {
        this.id = id;
        this.roundId = roundId;
        this.townshipId = townshipId;
        this.townshipName = townshipName;
        this.townshipPath = townshipPath;
        this.state = state;
        this.reportMonths = reportMonths;
        this.requirements = requirements;
        this.meeting = meeting;
        this.issuedOn = issuedOn;
        this.reportDue = reportDue;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.problems = List.copyOf(problems);
        this.version = version;
    }

    /** The standard requirement text of a list: the township's main responsibility and the report's deadline. */
    static String standardRequirements(int months) {
        return "乡镇党委要切实履行整改主体责任，党委书记是第一责任人，对照问题清单逐条制定整改措施，明确责任人和整改时限，"
                + "做到问题不查清不放过、整改不到位不放过、群众不满意不放过；村居党组织书记要带头抓好本村居问题整改。"
                + "整改情况报告自反馈之日起" + months + "个月内报送区委巡察办，同时抄送区纪委监委和区委组织部。";
    }

    /** Replaces the draft's problems with the approved findings as they are now. */
    void regenerate(List<Problem> approved) {
        requireDraft();
        this.problems = List.copyOf(approved);
    }

    /** The months for the rectification report and the requirement text, while a draft. */
    void revise(int months, String text) {
        requireDraft();
        if (months < 1 || months > 12) {
            throw new FeedbackRuleViolation("feedback.rule.months");
        }
        this.reportMonths = months;
        this.requirements = text;
    }

    /** Records the feedback meeting, while a draft. */
    void recordMeeting(Meeting meeting) {
        requireDraft();
        this.meeting = meeting;
    }

    /**
     * Issues the list as delivered at its meeting: the report falls due {@code reportMonths} after the meeting. The
     * problems must be the township's approved findings as they are now ({@code approvedNow}), else the list is stale.
     */
    FeedbackIssued issue(List<Long> approvedNow, String by, Instant at) {
        requireDraft();
        if (meeting == null) {
            throw new FeedbackRuleViolation("feedback.rule.noMeeting", townshipName);
        }
        List<Long> listed = problems.stream().map(Problem::findingId).sorted().toList();
        if (!listed.equals(approvedNow.stream().sorted().toList())) {
            throw new FeedbackRuleViolation("feedback.rule.stale", townshipName);
        }
        state = State.ISSUED;
        issuedOn = meeting.on();
        reportDue = meeting.on().plusMonths(reportMonths);
        issuedBy = by;
        issuedAt = at;
        return new FeedbackIssued(
                id,
                roundId,
                townshipId,
                townshipName,
                issuedOn,
                reportDue,
                problems.stream().map(Problem::listed).toList(),
                by,
                at);
    }

    private void requireDraft() {
        if (state != State.DRAFT) {
            throw new FeedbackRuleViolation("feedback.rule.issued", townshipName);
        }
    }

    /** The problems by 村居, in list order. */
    public Map<String, List<Problem>> byLocality() {
        Map<String, List<Problem>> grouped = new LinkedHashMap<>();
        for (Problem p : problems) {
            grouped.computeIfAbsent(p.localityName(), k -> new ArrayList<>()).add(p);
        }
        return grouped;
    }

    /** The same list showing only the problems of the given 村居 (a group member's view). */
    FeedbackList onlyLocalities(java.util.Collection<Long> localityIds) {
        return new FeedbackList(
                id,
                roundId,
                townshipId,
                townshipName,
                townshipPath,
                state,
                reportMonths,
                requirements,
                meeting,
                issuedOn,
                reportDue,
                issuedBy,
                issuedAt,
                problems.stream()
                        .filter(p -> localityIds.contains(p.localityId()))
                        .toList(),
                version);
    }

    public long fixedOnTheSpot() {
        return problems.stream().filter(Problem::fixedOnTheSpot).count();
    }

    public long id() {
        return id;
    }

    public RoundId roundId() {
        return roundId;
    }

    public long townshipId() {
        return townshipId;
    }

    public String townshipName() {
        return townshipName;
    }

    public String townshipPath() {
        return townshipPath;
    }

    public State state() {
        return state;
    }

    public boolean issued() {
        return state == State.ISSUED;
    }

    public int reportMonths() {
        return reportMonths;
    }

    public String requirements() {
        return requirements;
    }

    public @Nullable Meeting meeting() {
        return meeting;
    }

    public @Nullable LocalDate issuedOn() {
        return issuedOn;
    }

    public @Nullable LocalDate reportDue() {
        return reportDue;
    }

    public @Nullable String issuedBy() {
        return issuedBy;
    }

    public @Nullable Instant issuedAt() {
        return issuedAt;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int version() {
        return version;
    }
}
