package org.xuncha.statistics;

import org.jspecify.annotations.Nullable;

/**
 * A figure of the scorecard (成绩单数字): the view it counts, the condition a record must meet, and what is summed.
 * The figure and its drill-down list are built from the same predicate by {@link FigureQuery}: the figure is the
 * measure over exactly the rows the list shows, so they cannot diverge. Definitions (also shown as footnotes on the
 * page, message key {@code figure.<NAME>.def}) are in the README.
 */
public enum Figure {
    /** 巡察轮次: pilot and regular rounds that went into the field (进驻), with at least one 村居 in the scope. */
    ROUNDS(Source.ROUND, "v.kind in ('PILOT', 'REGULAR') and v.state not in ('PLANNED', 'APPROVED')"),
    /** 巡察村居: distinct 村居 of pilot and regular rounds whose fieldwork is finished. */
    LOCALITIES_INSPECTED(
            Source.ROUND_LOCALITY,
            "v.round_kind in ('PILOT', 'REGULAR') and v.round_state in ('FIELDWORK_FINISHED', 'REPORTED',"
                    + " 'FEEDBACK_GIVEN', 'CLOSED')"),
    /** 覆盖目标: every 村居 in the scope (the term's target is full coverage); not bound to the period. */
    LOCALITIES_TARGET(Source.LOCALITY, "true"),
    /** 发现问题: findings whose working paper the office approved (审定). */
    FINDINGS(Source.FINDING, "v.state = 'APPROVED'", null, "v.category"),
    /** 立行立改: approved findings fixed on the spot. */
    FIXED_ON_THE_SPOT(Source.FINDING, "v.state = 'APPROVED' and v.fixed_on_the_spot"),
    /** 移交问题线索: leads transferred (registered and handed to the receiving body), by latest disposition. */
    LEADS_TRANSFERRED(Source.LEAD, "v.state <> 'RAISED'", null, "v.disposition"),
    /** 线索已签收: transferred leads the receiving body has received. */
    LEADS_RECEIVED(Source.LEAD, "v.state in ('RECEIVED', 'CONCLUDED')"),
    /** 线索已办结: leads the receiving body concluded. */
    LEADS_CONCLUDED(Source.LEAD, "v.state = 'CONCLUDED'"),
    /** 个别谈话和座谈: talk records. */
    TALKS(Source.TALK, "true"),
    /** 谈话人次: person-times of the talks (an individual talk is one). */
    TALK_PERSON_TIMES(Source.TALK, "true", "v.person_times", null),
    /** 走访农户: households visited, each household once per round. */
    HOUSEHOLDS_VISITED(Source.VISIT, "true"),
    /** 走访特殊群体户: visited households that are 五保户, 低保户 or 危房户. */
    SPECIAL_VISITED(Source.VISIT, "v.special"),
    /** 张贴公告: copies of the inspection notice posted. */
    NOTICES_POSTED(Source.NOTICE, "true", "v.copies", null),
    /** 受理信访举报: petitions received during the round. */
    PETITIONS_RECEIVED(Source.PETITION, "true", null, "v.channel"),
    /** 已分办: petitions triaged. */
    PETITIONS_TRIAGED(Source.PETITION, "v.triage is not null", null, "v.triage"),
    /** 整改任务: rectification tasks of the period's rounds. */
    TASKS(Source.TASK, "true"),
    /** 整改中: tasks not closed out (as of today). */
    TASKS_OPEN(Source.TASK, "v.state <> 'CLOSED_OUT'"),
    /** 逾期未完成: tasks not closed out whose deadline has passed (as of today). */
    TASKS_OVERDUE(Source.TASK, "v.state <> 'CLOSED_OUT' and v.deadline < :today"),
    /** 已销号: tasks closed out. */
    TASKS_CLOSED_OUT(Source.TASK, "v.state = 'CLOSED_OUT'"),
    /** 按期销号: tasks closed out on or before the deadline. */
    TASKS_CLOSED_ON_TIME(Source.TASK, "v.state = 'CLOSED_OUT' and v.closed_on_time"),
    /** 回访村居: revisits, attributed by the day of the revisit. */
    REVISITS(Source.REVISIT, "true"),
    /** 满意度答卷: survey answers of the revisits, by answer. */
    SURVEY_ANSWERS(Source.SURVEY_ANSWER, "true", null, "v.answer");

    private final Source source;
    private final String condition;
    private final @Nullable String summed;
    private final @Nullable String breakdown;

    Figure(Source source, String condition) {
        this(source, condition, null, null);
    }

    Figure(Source source, String condition, @Nullable String summed, @Nullable String breakdown) {
        this.source = source;
        this.condition = condition;
        this.summed = summed;
        this.breakdown = breakdown;
    }

    public Source source() {
        return source;
    }

    public String condition() {
        return condition;
    }

    /** The aggregate over the list's rows: {@code count(*)} or a sum of a column. */
    public String measure() {
        return summed == null ? "count(*)" : "coalesce(sum(" + summed + "), 0)";
    }

    /**
     * The measure restricted to the figure's condition, for computing all figures of one source in one pass over its
     * rows: {@code count(*) filter (where <condition>)} or {@code coalesce(sum(<column>) filter (where ...), 0)}.
     */
    String filteredMeasure() {
        String filter = " filter (where " + condition + ")";
        return summed == null ? "count(*)" + filter : "coalesce(sum(" + summed + ")" + filter + ", 0)";
    }

    /**
     * The same measure over the source's tally, whose rows stand for {@code n} records each and carry the summed
     * column already summed: {@code coalesce(sum(v.n) filter (where ...), 0)} or {@code coalesce(sum(<column>)
     * filter (where ...), 0)}.
     */
    String tallyMeasure() {
        return "coalesce(sum(" + (summed == null ? "v.n" : summed) + ") filter (where " + condition + "), 0)";
    }

    /** The column the figure breaks down by (category, disposition, answer), or null. */
    @Nullable
    public String breakdown() {
        return breakdown;
    }

    /** Whether the period applies (everything but the coverage target). */
    public boolean periodBound() {
        return source != Source.LOCALITY;
    }

    /** One row per 村居 (the first round that inspected it in the period). */
    public boolean distinctLocality() {
        return this == LOCALITIES_INSPECTED;
    }

    /** Summed rather than counted. */
    public boolean summed() {
        return summed != null;
    }

    /** Whether the figure is computed with the other figures of its source in one pass (see {@link FigureQuery}). */
    boolean sharesPass() {
        return source != Source.ROUND && !distinctLocality() && periodBound();
    }
}
