package org.xuncha.demo;

import java.util.List;

/**
 * The article's figures (成绩单) for the year of the 五届区委 that the demo district reproduces: the year's rounds, the
 * 村居 inspected, problems found, leads transferred, 立行立改, person-times in talks, households visited, notices posted
 * and the 村 revisited in 坞墙、冯桥、闫集.
 */
public final class ArticleFigures {

    public static final int ROUNDS = 5;
    public static final int LOCALITIES = 213;
    public static final int COVERAGE_PERCENT = 61;
    public static final int FINDINGS = 2351;
    public static final int LEADS_TRANSFERRED = 217;
    public static final int FIXED_ON_THE_SPOT = 62;
    public static final int PERSON_TIMES = 2125;
    public static final int HOUSEHOLDS_VISITED = 14743;
    public static final int NOTICES_POSTED = 2130;
    public static final int VILLAGES_REVISITED = 27;
    public static final List<String> REVISITED_TOWNSHIPS = List.of("坞墙镇", "冯桥镇", "闫集镇");

    private ArticleFigures() {}
}
