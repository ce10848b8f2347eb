package org.xuncha.fieldwork;

/**
 * Who may do what in fieldwork, as method-security expressions; which rounds and 村居 they see is applied in every
 * query (a group member sees only their group's 村居). Township liaisons, supervisors, receivers and administrators
 * appear in none of them.
 */
final class Access {

    /** Workspace, overview, records and notices: the office, the groups and the district's leaders (read only). */
    static final String READ =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','GROUP_LEADER','GROUP_DEPUTY'," + "'GROUP_MEMBER')";

    /** Recording postings, broadcasts, talks, visits, reasons and examinations: the groups and the office staff. */
    static final String RECORD = "hasAnyRole('OFFICE_STAFF','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** The notice wording of a round: the office. */
    static final String EDIT_NOTICE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    private Access() {}
}
