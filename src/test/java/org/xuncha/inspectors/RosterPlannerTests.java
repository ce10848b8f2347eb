package org.xuncha.inspectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/** The roster's choices on small rounds one can check by hand. */
class RosterPlannerTests {

    static final DateRange ROUND = new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

    static RoundLocality village(long id, long township, boolean largeEconomy) {
        return new RoundLocality(
                id, "村" + id, township, "镇" + township, RegionKind.VILLAGE, Intensity.EXPEDITED, largeEconomy);
    }

    static RoundLocality community(long id, long township) {
        return new RoundLocality(
                id, "社区" + id, township, "镇" + township, RegionKind.COMMUNITY, Intensity.EXPEDITED, false);
    }

    static Candidate leader(long id, @Nullable Long work, Expertise... expertise) {
        return new Candidate(
                new InspectorId(id),
                "组长" + id,
                Tier.LEADER_TIER,
                Set.of(expertise),
                work,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    static Candidate member(long id, @Nullable Long work, Expertise... expertise) {
        return new Candidate(
                new InspectorId(id),
                "组员" + id,
                Tier.MEMBER_TIER,
                Set.of(expertise),
                work,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    static RosterSuggestion suggest(
            List<RoundLocality> localities,
            GroupSizing sizing,
            List<Candidate> pool,
            ServiceHistory history,
            GroupShape shape) {
        RecusalRules rules = new RecusalRules(RecusalPolicy.allRules(), ROUND, List.of(), List.of());
        return RosterPlanner.suggest(new RosterRequest(localities, sizing, pool, rules, history, shape));
    }

    @Test
    void groupsVillagesAndCommunitiesApartAndKeepsATownshipTogether() {
        List<RoundLocality> localities = List.of(
                village(1, 10, false),
                village(2, 10, false),
                village(3, 10, false),
                village(4, 10, false),
                community(5, 10),
                village(6, 20, false),
                village(7, 20, false));
        List<List<RoundLocality>> groups = RosterPlanner.partition(localities, GroupSizing.perGroup(3));
        assertThat(groups)
                .extracting(g -> g.stream().map(RoundLocality::id).sorted().toList())
                .containsExactlyInAnyOrder(List.of(1L, 3L), List.of(2L, 4L), List.of(6L, 7L), List.of(5L));
    }

    @Test
    void aRequestedNumberOfGroupsMergesTheSmallestOfTheSameKindFirst() {
        List<RoundLocality> localities =
                List.of(village(1, 10, false), village(2, 20, false), village(3, 30, false), community(4, 10));
        List<List<RoundLocality>> groups = RosterPlanner.partition(localities, GroupSizing.groups(2));
        assertThat(groups).hasSize(2);
        assertThat(groups)
                .allSatisfy(g -> assertThat(g.stream().map(RoundLocality::kind).distinct())
                        .hasSize(1));
    }

    @Test
    void puts财务Or审计IntoEveryGroupWithALargeCollectiveEconomy() {
        List<RoundLocality> localities = List.of(village(1, 10, true), village(2, 20, false));
        List<Candidate> pool = List.of(
                leader(1, null),
                leader(2, null),
                leader(3, null),
                leader(4, null),
                member(11, null, Expertise.AGRICULTURE),
                member(12, null, Expertise.LAW),
                member(13, null, Expertise.AUDIT),
                member(14, null),
                member(15, null));
        RosterSuggestion roster =
                suggest(localities, GroupSizing.perGroup(1), pool, ServiceHistory.none(), GroupShape.standard());
        SuggestedGroup large = roster.groups().stream()
                .filter(g -> g.localities().get(0).id() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(large.members()).anySatisfy(m -> {
            assertThat(m.inspector()).isEqualTo(new InspectorId(13));
            assertThat(m.reasons()).extracting(Reason::key).contains("roster.reason.accounts");
        });
        assertThat(roster.gaps()).isEmpty();
    }

    @Test
    void prefersThePeopleWithTheLightestLoad() {
        List<Candidate> pool =
                List.of(leader(1, null), leader(2, null), member(11, null), member(12, null), member(13, null));
        ServiceHistory history = new ServiceHistory(Map.of(new InspectorId(1), 3, new InspectorId(11), 2), Map.of());
        RosterSuggestion roster = suggest(
                List.of(village(1, 10, false)), GroupSizing.perGroup(1), pool, history, new GroupShape(false, 1, 1));
        SuggestedGroup group = roster.groups().get(0);
        assertThat(group.leader().inspector()).isEqualTo(new InspectorId(2));
        assertThat(group.leader().reasons()).contains(Reason.of("roster.reason.lowestLoad", 0));
        assertThat(group.members()).extracting(RosterPlacement::inspector).doesNotContain(new InspectorId(11));
    }

    @Test
    void avoidsPairingPeopleWhoAlreadyServedTogether() {
        List<Candidate> pool = List.of(leader(1, null), member(11, null), member(12, null));
        ServiceHistory history =
                new ServiceHistory(Map.of(), Map.of(InspectorPair.of(new InspectorId(1), new InspectorId(11)), 2));
        RosterSuggestion roster = suggest(
                List.of(village(1, 10, false)), GroupSizing.perGroup(1), pool, history, new GroupShape(false, 1, 1));
        assertThat(roster.groups().get(0).members())
                .extracting(RosterPlacement::inspector)
                .containsExactly(new InspectorId(12));
        assertThat(roster.groups().get(0).members().get(0).reasons()).contains(Reason.of("roster.reason.newPairs"));
    }

    @Test
    void leavesOutWhoeverIsUnavailableDuringTheRound() {
        Candidate away = new Candidate(
                new InspectorId(1),
                "外出",
                Tier.LEADER_TIER,
                Set.of(),
                null,
                null,
                List.of(),
                List.of(new Candidate.Unavailability(
                        new DateRange(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 2)), "培训")),
                List.of());
        RosterSuggestion roster = suggest(
                List.of(village(1, 10, false)),
                GroupSizing.perGroup(1),
                List.of(away, leader(2, null), member(11, null), member(12, null)),
                ServiceHistory.none(),
                new GroupShape(false, 1, 2));
        assertThat(roster.groups().get(0).leader().inspector()).isEqualTo(new InspectorId(2));
    }

    @Test
    void lendsALeaderToTheGroupThatHasNoOtherChoice() {
        // leader 1 may lead either group; leader 2 only the group in township 20: both groups get a leader
        List<Candidate> pool = List.of(
                leader(1, null),
                leader(2, 10L),
                member(11, null),
                member(12, null),
                member(13, null),
                member(14, null));
        RosterSuggestion roster = suggest(
                List.of(village(1, 10, false), village(2, 20, false)),
                GroupSizing.perGroup(1),
                pool,
                ServiceHistory.none(),
                new GroupShape(false, 1, 2));
        assertThat(roster.gaps()).isEmpty();
        assertThat(roster.groups()).hasSize(2);
    }

    @Test
    void saysWhich村居CouldNotBeStaffedAndWhy() {
        List<Candidate> pool = List.of(leader(1, 10L), leader(2, 10L), member(11, null), member(12, null));
        RosterSuggestion roster = suggest(
                List.of(village(1, 10, false), village(2, 20, false)),
                GroupSizing.perGroup(1),
                pool,
                ServiceHistory.none(),
                new GroupShape(false, 1, 1));
        assertThat(roster.unassignedLocalities()).extracting(RoundLocality::id).containsExactly(1L);
        StaffingGap gap = roster.gaps().stream()
                .filter(StaffingGap::localitiesUnassigned)
                .findFirst()
                .orElseThrow();
        assertThat(gap.role()).isEqualTo(GroupRole.LEADER);
        assertThat(gap.reasons())
                .extracting(Reason::key)
                .containsExactly("roster.gap.noLeader", "roster.gap.blocked.WORK_TOWNSHIP");
        assertThat(gap.reasons().get(1).args()).containsExactly(2);
    }

    @Test
    void anEmptyRoundGivesAnEmptyRoster() {
        RosterSuggestion roster = suggest(
                List.of(),
                GroupSizing.perGroup(3),
                List.of(leader(1, null)),
                ServiceHistory.none(),
                GroupShape.standard());
        assertThat(roster.groups()).isEmpty();
        assertThat(roster.gaps()).isEmpty();
    }

    @Test
    void staffsTheArticlesRoundFromTheArticlesPool() {
        RosterScenario scenario = RosterScenario.generate(7, 19, 45, 80, 100, 15, false);
        RosterSuggestion roster = RosterPlanner.suggest(scenario.request());
        assertThat(roster.unassignedLocalities()).isEmpty();
        assertThat(roster.groups()).allSatisfy(g -> assertThat(g.members()).hasSizeBetween(2, 4));
        List<Integer> loads = new ArrayList<>();
        roster.groups()
                .forEach(g ->
                        g.people().forEach(p -> loads.add(scenario.history().loadOf(p.inspector()))));
        assertThat(loads.stream().mapToInt(Integer::intValue).average().orElse(0))
                .isLessThan(1.5);
    }
}
