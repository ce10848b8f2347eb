package org.xuncha.search;

/** Who may search, as method-security expressions; what each finds is bounded by {@link SearchScopes}. */
final class Access {

    /** The office and the inspection groups; township liaisons and leaders search nothing here. */
    static final String SEARCH =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER')";

    private Access() {}
}
