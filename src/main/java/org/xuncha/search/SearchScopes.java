package org.xuncha.search;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.web.Paged;

/**
 * The search scope of a signed-in caller: office staff find entries of the office and groups within their regions,
 * the director also those kept for the director and the group; someone who is only a member of inspection groups
 * finds the entries of the round 村居 their groups take (as planning's {@link Rounds} gives them), and nobody else
 * finds anything (township liaisons, leaders, supervisors, receivers, administrators).
 */
@Component
class SearchScopes {

    private static final int ROUNDS_PER_PAGE = 100;

    private final Regions regions;
    private final Rounds rounds;

    SearchScopes(Regions regions, Rounds rounds) {
        this.regions = regions;
        this.rounds = rounds;
    }

    SearchScope of(RegionScope scope, Authentication caller) {
        Set<String> roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        List<String> prefixes = regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList();
        if (roles.contains("ROLE_OFFICE_DIRECTOR")) {
            return SearchScope.regions(prefixes, EnumSet.allOf(Visibility.class));
        }
        if (roles.contains("ROLE_OFFICE_STAFF")) {
            return SearchScope.regions(prefixes, EnumSet.of(Visibility.OFFICE_AND_GROUP));
        }
        if (rounds.groupOnly(caller)) {
            return SearchScope.regions(prefixes, EnumSet.allOf(Visibility.class))
                    .limitedTo(groupLocalities(scope, caller));
        }
        return SearchScope.none();
    }

    private Set<String> groupLocalities(RegionScope scope, Authentication caller) {
        Set<String> pairs = new HashSet<>();
        int page = 0;
        Paged<RoundSummary> visible;
        do {
            visible = rounds.visible(scope, caller, page++, ROUNDS_PER_PAGE);
            for (RoundSummary round : visible.items()) {
                for (RoundLocality locality : rounds.localities(round.id(), scope, caller)) {
                    pairs.add(SearchScope.roundLocality(round.id().value(), locality.localityId()));
                }
            }
        } while (visible.hasNext());
        return pairs;
    }
}
