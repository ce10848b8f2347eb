package org.xuncha.statistics;

/**
 * Who may see statistics, as method-security expressions; the region scope itself is applied in every query. Group
 * roles, receivers, supervisors and administrators have no scorecard.
 */
final class Access {

    /** Scorecard and drill-down lists: leaders, the office, and a township liaison (their township only). */
    static final String SCORECARD = "hasAnyRole('LEADER','OFFICE_STAFF','OFFICE_DIRECTOR','TOWNSHIP_LIAISON')";

    /** Dashboard and annual summary: leaders and the office. */
    static final String DASHBOARD = "hasAnyRole('LEADER','OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** The reconciliation check: the office. */
    static final String CHECK = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    private Access() {}
}
