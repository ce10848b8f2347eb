package org.xuncha.feedback;

/** Who may do what in feedback, as method-security expressions; the scope itself is applied in every query. */
final class Access {

    /**
     * Feedback lists: the office (all of its district), the groups (their own 村居 on the lists) and township liaisons
     * (their township's issued lists only).
     */
    static final String LISTS = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY',"
            + "'GROUP_MEMBER','TOWNSHIP_LIAISON')";

    /** A round's feedback page: the office and the groups. */
    static final String ROUND =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** Generating, revising, recording the meeting and issuing: the office. */
    static final String ISSUE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** The round report, its finalization and the seal check: the office. */
    static final String REPORT = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    private Access() {}
}
