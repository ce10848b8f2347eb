package org.xuncha.rectification;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * What of rectification a caller may see, as SQL: the path prefixes of their region scope and, for a member of a
 * supervision group (督导组), only the townships assigned to their groups. Bind {@link #params()}.
 */
record TaskScope(List<String> patterns, String supervisor) {

    TaskScope {
        patterns = patterns.isEmpty() ? List.of("!") : List.copyOf(patterns);
    }

    static TaskScope of(RegionScope scope, Authentication caller, Regions regions) {
        boolean supervisor = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_SUPERVISOR"::equals);
        return new TaskScope(prefixes(scope, regions), supervisor ? caller.getName() : "");
    }

    /** The whole district of a scope without a supervision limit (for the office's jobs and the demo). */
    static TaskScope of(RegionScope scope, Regions regions) {
        return new TaskScope(prefixes(scope, regions), "");
    }

    static TaskScope everything() {
        return new TaskScope(List.of("%"), "");
    }

    private static List<String> prefixes(RegionScope scope, Regions regions) {
        return regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList();
    }

    /** True when the row's path column lies within the scope and its township within the supervisor's groups. */
    static String within(String pathColumn, String townshipColumn) {
        return "(" + pathColumn + " like any (array[:scopePrefixes]::text[]) and (:supervisor = '' or exists"
                + " (select 1 from rectification.supervision_township st join rectification.supervision_member sm"
                + " on sm.group_id = st.group_id where st.township_id = " + townshipColumn
                + " and sm.username = :supervisor)))";
    }

    Map<String, Object> params() {
        return Map.of("scopePrefixes", patterns, "supervisor", supervisor);
    }
}
