package org.xuncha.inspectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For random pools, regions, relatives, unavailability, manual recusals, exceptions, policies and group shapes, every
 * suggested roster keeps the invariants of the issue (QuickTheories, shrinking sizes towards the smallest failure).
 */
class RosterPlannerPropertyTests {

    private static final Gen<RosterScenario> SCENARIOS = integers()
            .between(1, 8)
            .zip(integers().between(0, 40), (townships, localities) -> new int[] {townships, localities})
            .zip(integers().between(0, 30).zip(integers().between(0, 50), (l, m) -> new int[] {l, m}), (a, b) ->
                    new int[] {a[0], a[1], b[0], b[1]})
            .zip(integers().between(0, 100), (a, recusal) -> new int[] {a[0], a[1], a[2], a[3], recusal})
            .zip(longs().all(), (a, seed) -> RosterScenario.generate(seed, a[0], a[1], a[2], a[3], a[4], true));

    @Test
    void noSuggestedRosterEverBreaksARecusalRule() {
        qt().withExamples(300).forAll(SCENARIOS).checkAssert(scenario -> {
            RosterSuggestion roster = RosterPlanner.suggest(scenario.request());
            Map<InspectorId, Candidate> people = byId(scenario);
            for (SuggestedGroup group : roster.groups()) {
                for (RosterPlacement placement : group.people()) {
                    for (RoundLocality locality : group.localities()) {
                        assertThat(scenario.rules()
                                        .check(people.get(placement.inspector()), placement.role(), locality))
                                .as("%s as %s in %s", placement.name(), placement.role(), locality.name())
                                .noneMatch(RecusalViolation::blocks);
                    }
                }
            }
        });
    }

    @Test
    void everyGroupHasALeaderAndEachRoleComesFromItsTier() {
        qt().withExamples(300).forAll(SCENARIOS).checkAssert(scenario -> {
            RosterSuggestion roster = RosterPlanner.suggest(scenario.request());
            Map<InspectorId, Candidate> people = byId(scenario);
            for (SuggestedGroup group : roster.groups()) {
                assertThat(group.leader()).isNotNull();
                assertThat(group.leader().role()).isEqualTo(GroupRole.LEADER);
                for (RosterPlacement placement : group.people()) {
                    assertThat(people.get(placement.inspector()).tier())
                            .isEqualTo(placement.role().tier());
                    assertThat(placement.reasons()).isNotEmpty();
                }
                assertThat(group.members()).allMatch(m -> m.role() == GroupRole.MEMBER);
                assertThat(group.members().size())
                        .isLessThanOrEqualTo(scenario.shape().maxMembers());
                if (!scenario.shape().deputy()) {
                    assertThat(group.deputy()).isNull();
                }
            }
        });
    }

    @Test
    void every村居IsAssignedExactlyOnceOrReportedUnstaffable() {
        qt().withExamples(300).forAll(SCENARIOS).checkAssert(scenario -> {
            RosterSuggestion roster = RosterPlanner.suggest(scenario.request());
            List<Long> assigned = roster.groups().stream()
                    .flatMap(g -> g.localities().stream())
                    .map(RoundLocality::id)
                    .toList();
            List<Long> unassigned = roster.unassignedLocalities().stream()
                    .map(RoundLocality::id)
                    .toList();
            List<Long> all = new java.util.ArrayList<>(assigned);
            all.addAll(unassigned);
            assertThat(all)
                    .containsExactlyInAnyOrderElementsOf(scenario.localities().stream()
                            .map(RoundLocality::id)
                            .toList());
            roster.gaps().stream()
                    .filter(StaffingGap::localitiesUnassigned)
                    .forEach(gap -> assertThat(gap.reasons()).isNotEmpty());
        });
    }

    @Test
    void nobodyIsInTwoGroups() {
        qt().withExamples(300).forAll(SCENARIOS).checkAssert(scenario -> {
            RosterSuggestion roster = RosterPlanner.suggest(scenario.request());
            List<InspectorId> placed = roster.groups().stream()
                    .flatMap(g -> g.people().stream())
                    .map(RosterPlacement::inspector)
                    .toList();
            assertThat(new HashSet<>(placed)).hasSameSizeAs(placed);
        });
    }

    @Test
    void aGroupShortOfMembersOrOf财务审计SaysSo() {
        qt().withExamples(300).forAll(SCENARIOS).checkAssert(scenario -> {
            RosterSuggestion roster = RosterPlanner.suggest(scenario.request());
            Map<InspectorId, Candidate> people = byId(scenario);
            Map<Integer, Set<String>> gapKeys = new HashMap<>();
            roster.gaps()
                    .forEach(gap -> gapKeys.computeIfAbsent(gap.groupNumber(), k -> new HashSet<>())
                            .add(gap.reasons().get(0).key()));
            for (SuggestedGroup group : roster.groups()) {
                Set<String> keys = gapKeys.getOrDefault(group.number(), Set.of());
                if (group.members().size() < scenario.shape().minMembers()) {
                    assertThat(keys).contains("roster.gap.members");
                }
                boolean large = group.localities().stream().anyMatch(RoundLocality::largeCollectiveEconomy);
                boolean accounts = group.people().stream()
                        .anyMatch(p -> people.get(p.inspector()).readsAccounts());
                if (large && !accounts) {
                    assertThat(keys).contains("roster.gap.noAccounts");
                }
            }
        });
    }

    @Test
    void withOneVillageOrCommunityPerGroupSizeTheGroupsKeepToOneTownshipAndOneKind() {
        qt().withExamples(100)
                .forAll(
                        integers().between(1, 8),
                        integers().between(0, 40),
                        longs().all(),
                        booleans().all())
                .checkAssert((townships, localities, seed, ignored) -> {
                    RosterScenario scenario = RosterScenario.generate(seed, townships, localities, 30, 60, 10, false);
                    for (List<RoundLocality> group :
                            RosterPlanner.partition(scenario.localities(), GroupSizing.perGroup(3))) {
                        assertThat(group).hasSizeBetween(1, 3);
                        assertThat(group.stream().map(RoundLocality::townshipId).distinct())
                                .hasSize(1);
                        assertThat(group.stream().map(RoundLocality::kind).distinct())
                                .hasSize(1);
                    }
                });
    }

    @Test
    void theSameRequestGivesTheSameRoster() {
        qt().withExamples(50)
                .forAll(SCENARIOS)
                .checkAssert(scenario -> assertThat(RosterPlanner.suggest(scenario.request()))
                        .isEqualTo(RosterPlanner.suggest(scenario.request())));
    }

    private static Map<InspectorId, Candidate> byId(RosterScenario scenario) {
        return scenario.pool().stream().collect(Collectors.toMap(Candidate::id, Function.identity()));
    }
}
