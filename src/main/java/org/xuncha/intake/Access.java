package org.xuncha.intake;

/**
 * Who may do what with petitions, as method-security expressions; the region scope (and a group's own 村居) is
 * applied in every query, and the group role for triage and reveal is checked against the round's roster.
 */
final class Access {

    /** The public report page and the status page: anyone, no sign-in. */
    static final String PUBLIC = "permitAll()";

    /** Petition lists and pages: the office and the groups (their own 村居); not liaisons, leaders or receivers. */
    static final String READ =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** Registering a petition that came by phone, letter, mailbox or visit: the group. */
    static final String REGISTER = "hasAnyRole('GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    /** Triage: the group's leader or deputy (checked against the round's roster). */
    static final String TRIAGE = "hasAnyRole('GROUP_LEADER','GROUP_DEPUTY')";

    /** Revealing the reporter: the leader of that round's group (checked against the roster) or the director. */
    static final String REVEAL = "hasAnyRole('GROUP_LEADER','OFFICE_DIRECTOR')";

    /** The district's untriaged petitions and the export: the office. */
    static final String OFFICE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    private Access() {}
}
