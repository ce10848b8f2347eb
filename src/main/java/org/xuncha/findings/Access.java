package org.xuncha.findings;

/**
 * Who may do what with findings and leads, as method-security expressions; the region scope, the caller's group and
 * a lead's confidentiality are checked in the queries and services. Township liaisons see no finding (they get the
 * feedback later); administrators see none.
 */
final class Access {

    /** Findings lists and pages: the office, district leaders and the groups (their own 村居). */
    static final String FINDINGS =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** Recording findings, evidence, papers and 立行立改: the group's people (the service checks the group). */
    static final String RECORD = "hasAnyRole('GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** Approving or returning a working paper for the group: the group leader only. */
    static final String LEADER = "hasRole('GROUP_LEADER')";

    /** The office's review of working papers, and the taxonomy. */
    static final String OFFICE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** Working paper queues. */
    static final String QUEUE =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** The lead register and lead pages (content only for those the service allows). */
    static final String LEADS = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','LEAD_RECEIVER')";

    /** Raising a lead: the director or the group leader. */
    static final String RAISE = "hasAnyRole('OFFICE_DIRECTOR','GROUP_LEADER')";

    /** Approving a transfer. */
    static final String DIRECTOR = "hasRole('OFFICE_DIRECTOR')";

    /** Receipt and disposition of a lead. */
    static final String RECEIVER = "hasRole('LEAD_RECEIVER')";

    private Access() {}
}
