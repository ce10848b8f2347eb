package org.xuncha.planning;

/**
 * Who may do what in planning, as method-security expressions; the region scope itself is applied in every query.
 * Administrators and lead receivers appear in none of them.
 */
final class Access {

    /** Rounds list and round page: the office, leaders, groups and township liaisons (rounds touching their township). */
    static final String ROUNDS = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','GROUP_LEADER','GROUP_DEPUTY',"
            + "'GROUP_MEMBER','TOWNSHIP_LIAISON')";

    /**
     * Term dashboard and focus checklist: the district's instruments, for the office and the leaders. A township
     * liaison sees the rounds touching the township, not the district's coverage and pace (DESIGN.md §2).
     */
    static final String TERMS = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER')";

    /** The round's documents name every township of the round: not for township liaisons. */
    static final String DOCUMENTS =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','GROUP_LEADER','GROUP_DEPUTY'," + "'GROUP_MEMBER')";

    /** Planning and editing terms, rounds, meetings and the checklist. */
    static final String PLAN = "hasRole('OFFICE_STAFF')";

    /** Moving a round on; approving it also needs the director, which the round itself checks. */
    static final String ADVANCE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    private Access() {}
}
