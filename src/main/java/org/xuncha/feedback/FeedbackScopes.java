package org.xuncha.feedback;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.Rounds;

/**
 * What a caller may read of feedback: the lists of townships within their region scope; a township liaison only the
 * issued ones; someone who is only a member of inspection groups only the 村居 their groups take in the round (the
 * other 村居's problems are left out of what they see and download).
 */
@Component
class FeedbackScopes {

    private final Regions regions;
    private final Rounds rounds;

    FeedbackScopes(Regions regions, Rounds rounds) {
        this.regions = regions;
        this.rounds = rounds;
    }

    FeedbackLists.Reach reach(RegionScope scope, Authentication caller) {
        List<String> prefixes = regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList();
        return new FeedbackLists.Reach(prefixes, liaisonOnly(caller));
    }

    /** The 村居 of the round the caller may see on a list, or null when they see every 村居 (not a group member). */
    @Nullable
    Set<Long> localities(RoundId round, RegionScope scope, Authentication caller) {
        if (!rounds.groupOnly(caller)) {
            return null;
        }
        return rounds.localities(round, scope, caller).stream()
                .map(RoundLocality::localityId)
                .collect(Collectors.toSet());
    }

    /** The list as the caller may see it, or null when none of it is theirs. */
    @Nullable
    FeedbackList visible(FeedbackList list, RegionScope scope, Authentication caller) {
        Set<Long> localities = localities(list.roundId(), scope, caller);
        if (localities == null) {
            return list;
        }
        boolean takesTownship = rounds.localities(list.roundId(), scope, caller).stream()
                .anyMatch(l -> l.townshipId() == list.townshipId());
        return takesTownship ? list.onlyLocalities(localities) : null;
    }

    static boolean liaisonOnly(Authentication caller) {
        Set<String> roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return roles.contains("ROLE_TOWNSHIP_LIAISON")
                && !roles.contains("ROLE_OFFICE_STAFF")
                && !roles.contains("ROLE_OFFICE_DIRECTOR");
    }

    boolean groupOnly(Authentication caller) {
        return rounds.groupOnly(caller);
    }
}
