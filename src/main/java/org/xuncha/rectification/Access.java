package org.xuncha.rectification;

/** Who may do what in rectification; the region scope and the supervision group's townships apply in every query. */
final class Access {

    /** Tasks, plans, the ledger and the township report: the office, leaders, township liaisons, supervision groups. */
    static final String VIEW = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','TOWNSHIP_LIAISON','SUPERVISOR')";

    /** Writing the plan, progress and evidence: the township. */
    static final String TOWNSHIP = "hasRole('TOWNSHIP_LIAISON')";

    /** Approving or returning a township's plan; the office's lists and settings. */
    static final String OFFICE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** Verifying a submitted task: close out or return it. */
    static final String VERIFY = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','SUPERVISOR')";

    /** Supervision visits. */
    static final String SUPERVISE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','SUPERVISOR')";

    /** The analysis and the round's summary. */
    static final String ANALYSIS = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','LEADER','SUPERVISOR')";

    private Access() {}
}
