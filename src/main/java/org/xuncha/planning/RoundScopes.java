package org.xuncha.planning;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * The scope of a caller on rounds: their region scope and, for someone who is only a member of inspection groups
 * (组长, 副组长, 组员), the group they serve in: they see the rounds where the inspector linked to their account is in a
 * group and of those rounds only their group's 村居. A group role without a linked inspector sees no round.
 */
@Component
class RoundScopes {

    private static final Set<String> GROUP_ROLES =
            Set.of("ROLE_GROUP_LEADER", "ROLE_GROUP_DEPUTY", "ROLE_GROUP_MEMBER");
    private static final Set<String> WIDER_ROLES =
            Set.of("ROLE_OFFICE_STAFF", "ROLE_OFFICE_DIRECTOR", "ROLE_LEADER", "ROLE_TOWNSHIP_LIAISON");

    private final Regions regions;
    private final InspectorPool pool;

    RoundScopes(Regions regions, InspectorPool pool) {
        this.regions = regions;
        this.pool = pool;
    }

    ScopePrefixes of(RegionScope scope, Authentication authentication) {
        ScopePrefixes prefixes = ScopePrefixes.of(scope, regions);
        if (!groupOnly(authentication)) {
            return prefixes;
        }
        return prefixes.limitedToGroupOf(pool.inspectorOf(authentication.getName())
                .map(InspectorId::value)
                .orElse(0L));
    }

    /** True for someone who is only a member of inspection groups. */
    boolean groupOnly(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        return roles.stream().anyMatch(GROUP_ROLES::contains) && roles.stream().noneMatch(WIDER_ROLES::contains);
    }
}
