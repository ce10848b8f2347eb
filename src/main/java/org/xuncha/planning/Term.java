package org.xuncha.planning;

import java.time.LocalDate;

/**
 * 届: the term of a district party committee (e.g. 五届区委) with its start and end and the target that every 村居 of
 * the district is inspected within it (本届任期内巡察全覆盖). Pilot, regular and 回头看 rounds belong to a term.
 */
class Term {

    /** The goal of every term, as the article's 规划 states it. */
    static final String FULL_COVERAGE = "本届党委任期内实现对村居党组织巡察全覆盖";

    private final long id;
    private final long districtId;
    private final String districtName;
    private final String districtPath;
    private final String name;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final String goal;
    private final int version;

    Term(
            long id,
            long districtId,
            String districtName,
            String districtPath,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            String goal,
            int version) {
        if (!endsOn.isAfter(startsOn)) {
            throw new RoundRuleViolation("term.rule.endsBeforeStart");
        }
        this.id = id;
        this.districtId = districtId;
        this.districtName = districtName;
        this.districtPath = districtPath;
        this.name = name;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.goal = goal;
        this.version = version;
    }

    /** Whether a round's dates lie within the term. */
    public boolean spans(InspectionRound.Schedule schedule) {
        return !schedule.entryDate().isBefore(startsOn) && !schedule.exitDate().isAfter(endsOn);
    }

    /** 中共睢阳区委巡察工作领导小组办公室: the issuing body of the office's documents. */
    public String office() {
        return leadingGroup() + "办公室";
    }

    /** 中共睢阳区委巡察工作领导小组: the body that authorizes the groups. */
    public String leadingGroup() {
        return "中共" + districtName + "委巡察工作领导小组";
    }

    public TermId termId() {
        return new TermId(id);
    }

    public long id() {
        return id;
    }

    public long districtId() {
        return districtId;
    }

    public String districtName() {
        return districtName;
    }

    public String districtPath() {
        return districtPath;
    }

    public String name() {
        return name;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public String goal() {
        return goal;
    }

    public int version() {
        return version;
    }
}
