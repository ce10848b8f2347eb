package org.xuncha.planning;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.web.Paged;

/**
 * Rounds (轮次) as other modules use them: a round's summary and its 村居, both bounded by the caller's scope (a round
 * outside the scope is not found; of a round in scope only the 村居 within the scope are listed).
 */
@Service
public class Rounds {

    private final InspectionRounds rounds;
    private final InspectionGroups groups;
    private final RoundScopes scopes;
    private final Regions regions;

    Rounds(InspectionRounds rounds, InspectionGroups groups, RoundScopes scopes, Regions regions) {
        this.rounds = rounds;
        this.groups = groups;
        this.scopes = scopes;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    public Optional<RoundSummary> find(RoundId id, RegionScope scope) {
        return rounds.summary(id.value(), ScopePrefixes.of(scope, regions));
    }

    /** The round's 村居 within the scope, township by township, each with its intensity and planned days. */
    @Transactional(readOnly = true)
    public List<RoundLocality> localities(RoundId id, RegionScope scope) {
        return rounds.localities(id.value(), ScopePrefixes.of(scope, regions));
    }

    /**
     * The round as the signed-in caller may see it: within their region scope and, for someone who is only a member
     * of inspection groups, a round where they serve (of which they see only their group's 村居).
     */
    @Transactional(readOnly = true)
    public Optional<RoundSummary> find(RoundId id, RegionScope scope, Authentication caller) {
        return rounds.summary(id.value(), scopes.of(scope, caller));
    }

    /** The round's 村居 the caller may see: within their scope and, for a group member, their group's. */
    @Transactional(readOnly = true)
    public List<RoundLocality> localities(RoundId id, RegionScope scope, Authentication caller) {
        return rounds.localities(id.value(), scopes.of(scope, caller));
    }

    /** The rounds the caller may see, most recent entry first. */
    @Transactional(readOnly = true)
    public Paged<RoundSummary> visible(RegionScope scope, Authentication caller, int page, int size) {
        return rounds.page(InspectionRounds.Filter.none(), scopes.of(scope, caller), page, size);
    }

    /**
     * The round's groups the caller may see: for a group member the groups they serve in, for everyone else the
     * groups that take a 村居 within their scope; a round outside the scope has none.
     */
    @Transactional(readOnly = true)
    public List<RoundGroup> groups(RoundId id, RegionScope scope, Authentication caller) {
        ScopePrefixes prefixes = scopes.of(scope, caller);
        List<Long> visible = rounds.localities(id.value(), prefixes).stream()
                .map(RoundLocality::localityId)
                .toList();
        return groups.ofRound(id.value(), prefixes).groups().stream()
                .filter(g -> g.localityIds().stream().anyMatch(visible::contains))
                .map(g -> toRoundGroup(id, g))
                .toList();
    }

    /** The group that takes the 村居 in the round, whoever asks; callers check their own scope first. */
    @Transactional(readOnly = true)
    public Optional<RoundGroup> groupOf(RoundId id, long localityId) {
        return groups.ofRound(id.value(), new ScopePrefixes(List.of("%"))).groups().stream()
                .filter(g -> g.localityIds().contains(localityId))
                .findFirst()
                .map(g -> toRoundGroup(id, g));
    }

    /** The channels the round announces (举报电话, 邮箱, 信箱), whoever asks; callers check their own scope first. */
    @Transactional(readOnly = true)
    public Optional<RoundChannels> channels(RoundId id) {
        return rounds.find(id.value(), new ScopePrefixes(List.of("%")))
                .map(r -> new RoundChannels(
                        r.channels().phone(), r.channels().email(), r.channels().postBox()));
    }

    /** Every 村居 of the round, whoever asks: for checks run on the round as a whole (e.g. a completion check). */
    @Transactional(readOnly = true)
    public List<RoundLocality> allLocalities(RoundId id) {
        return rounds.localities(id.value(), new ScopePrefixes(List.of("%")));
    }

    /** True when the caller is only a member of inspection groups (no office, leader or township role). */
    public boolean groupOnly(Authentication caller) {
        return scopes.groupOnly(caller);
    }

    private static RoundGroup toRoundGroup(RoundId id, RoundRoster.Group g) {
        return new RoundGroup(
                id,
                g.number(),
                g.name(),
                g.members().stream()
                        .map(m -> new RoundGroup.Member(m.inspector(), m.name(), m.role()))
                        .toList(),
                g.localityIds());
    }
}
