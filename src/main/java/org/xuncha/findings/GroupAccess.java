package org.xuncha.findings;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.Rounds;

/**
 * Who the caller is to a round's 村居: the 村居 they may see (region scope and, for group members, their group's), the
 * group that takes a 村居, and whether the caller serves in it or leads it.
 */
@Component
class GroupAccess {

    private final Rounds rounds;
    private final Regions regions;
    private final InspectorPool pool;

    GroupAccess(Rounds rounds, Regions regions, InspectorPool pool) {
        this.rounds = rounds;
        this.regions = regions;
        this.pool = pool;
    }

    Caller caller(Authentication authentication) {
        return Caller.of(
                authentication, pool.inspectorOf(authentication.getName()).orElse(null));
    }

    /** Path prefixes of the caller's region scope, for SQL {@code like any}. */
    List<String> prefixes(RegionScope scope) {
        return regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList();
    }

    /** The round's 村居 the caller may see. */
    List<RoundLocality> localities(RoundId round, RegionScope scope, Authentication caller) {
        return rounds.localities(round, scope, caller);
    }

    /** The 村居 as the round takes it, whoever asks (for the system and checks already made). */
    Optional<RoundLocality> locality(RoundId round, long localityId) {
        return rounds.localities(round, RegionScope.of(List.of(localityId))).stream()
                .filter(l -> l.localityId() == localityId)
                .findFirst();
    }

    /** How many 村居 of the township the round takes. */
    int localitiesOfTownship(RoundId round, long townshipId) {
        return rounds.localities(round, RegionScope.of(List.of(townshipId))).size();
    }

    Optional<RoundGroup> groupOf(RoundId round, long localityId) {
        return rounds.groupOf(round, localityId);
    }

    /** True when the caller is in the group that takes the 村居 in the round. */
    boolean servesIn(Caller caller, RoundId round, long localityId) {
        return caller.inspector() != null
                && groupOf(round, localityId)
                        .flatMap(g -> g.member(caller.inspector()))
                        .isPresent();
    }

    /** True when the caller is the leader of the group that takes the 村居 in the round. */
    boolean leads(Caller caller, RoundId round, long localityId) {
        return caller.inspector() != null
                && caller.has("GROUP_LEADER")
                && groupOf(round, localityId)
                        .flatMap(RoundGroup::leader)
                        .filter(m -> m.inspector().equals(caller.inspector()))
                        .isPresent();
    }

    boolean groupOnly(Authentication caller) {
        return rounds.groupOnly(caller);
    }

    /** "round:村居" of every 村居 whose group the caller leads, in the rounds the caller may see. */
    List<String> ledRoundLocalities(Caller caller, RegionScope scope, Authentication authentication) {
        if (caller.inspector() == null || !caller.has("GROUP_LEADER")) {
            return List.of();
        }
        List<String> pairs = new java.util.ArrayList<>();
        for (var round : rounds.visible(scope, authentication, 0, 200).items()) {
            for (RoundGroup group : rounds.groups(round.id(), scope, authentication)) {
                if (group.leader()
                        .filter(m -> m.inspector().equals(caller.inspector()))
                        .isPresent()) {
                    group.localityIds().forEach(l -> pairs.add(round.id().value() + ":" + l));
                }
            }
        }
        return pairs;
    }
}
