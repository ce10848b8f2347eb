package org.xuncha.organization;

/** Who may do what in the registry, as method-security expressions (the scope itself is applied in every query). */
final class Access {

    /** Tree, 村居 list and 村居 page. */
    static final String VIEW = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER',"
            + "'TOWNSHIP_LIAISON','SUPERVISOR','LEADER')";

    /** The household roster with names and addresses: not the leaders' read-only dashboards. */
    static final String ROSTER = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER',"
            + "'TOWNSHIP_LIAISON','SUPERVISOR')";

    /** Editing facts, overriding intensity, importing. */
    static final String EDIT = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    private Access() {}
}
