package org.xuncha.inspectors;

/** Who may do what with the pool, as method-security expressions (the scope itself is applied in every query). */
final class Access {

    /** The pool list and inspector pages; personal fields only for those who manage the pool. */
    static final String VIEW = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','LEADER')";

    /** Managing the pool (巡察办): records, recusal facts, manual recusals, export; personal fields unmasked. */
    static final String MANAGE = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** Exceptions to recusal rules and each district's rules: the office director only. */
    static final String DIRECT = "hasRole('OFFICE_DIRECTOR')";

    private Access() {}

    /** Whether the signed-in user manages the pool and so sees personal fields. */
    static boolean manages(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OFFICE_STAFF")
                        || a.getAuthority().equals("ROLE_OFFICE_DIRECTOR"));
    }
}
