package org.xuncha.findings;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.identity.SignedInUser;
import org.xuncha.inspectors.InspectorId;

/**
 * Who acts on findings and leads: the account, its display name, roles (without {@code ROLE_}), the inspector linked
 * to it (for group members) and the receiving body (for lead receivers).
 */
record Caller(
        String username,
        String displayName,
        Set<String> roles,
        @Nullable InspectorId inspector,
        @Nullable ReceivingBody receivingBody) {

    static Caller of(Authentication authentication, @Nullable InspectorId inspector) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        String display = authentication.getName();
        ReceivingBody body = null;
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            display = user.displayName();
            body = user.receivingBody();
        }
        return new Caller(authentication.getName(), display, roles, inspector, body);
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    boolean director() {
        return has("OFFICE_DIRECTOR");
    }

    boolean office() {
        return has("OFFICE_STAFF") || has("OFFICE_DIRECTOR");
    }
}
