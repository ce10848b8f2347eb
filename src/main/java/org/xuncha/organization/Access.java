package org.xuncha.organization;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who may do what in the registry, as method-security expressions (the scope itself is applied in every query). */
final class Access {

    /** Tree, 村居 list and 村居 page. */
    static final String VIEW =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER',"
                    + "'TOWNSHIP_LIAISON','SUPERVISOR','LEADER')";

    /** The household roster with names and addresses: not the leaders' read-only dashboards. */
    static final String ROSTER =
            "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','GROUP_DEPUTY','GROUP_MEMBER',"
                    + "'TOWNSHIP_LIAISON','SUPERVISOR')";

    /** Editing facts, overriding intensity, importing. */
    static final String EDIT = "hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR')";

    /** The roles of {@link #ROSTER}, for deciding within a method (an export includes households or not). */
    private static final Set<String> ROSTER_ROLES = Set.of(
            "ROLE_OFFICE_STAFF",
            "ROLE_OFFICE_DIRECTOR",
            "ROLE_GROUP_LEADER",
            "ROLE_GROUP_DEPUTY",
            "ROLE_GROUP_MEMBER",
            "ROLE_TOWNSHIP_LIAISON",
            "ROLE_SUPERVISOR");

    private Access() {}

    static boolean readsRoster(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(ROSTER_ROLES::contains);
    }
}
