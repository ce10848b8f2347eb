package org.xuncha.revisits;

/** Who may do what with revisits; the region scope applies in every query. */
final class Access {

    /** Revisits, the satisfaction index and the suggestions. */
    static final String VIEW = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','SUPERVISOR','TOWNSHIP_LIAISON')";

    /** Recording a revisit and its survey answers (phone form or paper forms). */
    static final String RECORD = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','SUPERVISOR')";

    /** The survey's questions and the threshold of the 回头看. */
    static final String OFFICE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** The residents' survey page reached by the QR code: no sign-in. */
    static final String PUBLIC = "permitAll()";

    private Access() {}
}
