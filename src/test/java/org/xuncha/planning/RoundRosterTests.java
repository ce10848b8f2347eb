package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xuncha.inspectors.Candidate;
import org.xuncha.inspectors.DateRange;
import org.xuncha.inspectors.Expertise;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.GroupShape;
import org.xuncha.inspectors.GroupSizing;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.Reason;
import org.xuncha.inspectors.RecusalExemption;
import org.xuncha.inspectors.RecusalPolicy;
import org.xuncha.inspectors.RecusalRule;
import org.xuncha.inspectors.RecusalRules;
import org.xuncha.inspectors.RosterPlanner;
import org.xuncha.inspectors.RosterRequest;
import org.xuncha.inspectors.RosterSuggestion;
import org.xuncha.inspectors.ServiceHistory;
import org.xuncha.inspectors.Tier;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * The rules of a round's groups: approval needs every 村居 in a group and every group led; a manual replacement that
 * breaks a recusal rule is refused naming the rule and the person, unless the director excepted it; an accepted
 * suggestion puts every 村居 in at most one group and leaves out only what the suggestion could not staff.
 */
class RoundRosterTests {

    static final DateRange DATES = new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20));
    static final long WUQIANG = 10;
    static final long FENGQIAO = 20;

    static final RoundLocality ZHANGZHUANG = planned(101, "张庄村", WUQIANG, "坞墙镇");
    static final RoundLocality LIZHUANG = planned(102, "李庄村", WUQIANG, "坞墙镇");
    static final RoundLocality HEQIAO = planned(201, "河桥社区", FENGQIAO, "冯桥镇");

    static final RoundRoster.Member LEADER = member(1, "赵明", GroupRole.LEADER);
    static final RoundRoster.Member MEMBER = member(2, "周洁", GroupRole.MEMBER);

    @Test
    void approvalNeedsGroups() {
        assertThatThrownBy(() -> RoundRoster.empty().requireComplete(List.of(ZHANGZHUANG)))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("group.rule.noGroups"));
    }

    @Test
    void approvalNeedsEveryLocalityInAGroup() {
        RoundRoster roster = new RoundRoster(List.of(group(1, List.of(LEADER, MEMBER), 101, 102)));
        assertThatThrownBy(() -> roster.requireComplete(List.of(ZHANGZHUANG, LIZHUANG, HEQIAO)))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("group.rule.localityWithoutGroup");
                    assertThat(v.args()).containsExactly("河桥社区");
                });
        roster.move(201, 1);
        roster.requireComplete(List.of(ZHANGZHUANG, LIZHUANG, HEQIAO));
    }

    @Test
    void approvalNeedsALeaderInEveryGroup() {
        RoundRoster roster =
                new RoundRoster(List.of(group(1, List.of(LEADER), 101, 102), group(2, List.of(MEMBER), 201)));
        assertThatThrownBy(() -> roster.requireComplete(List.of(ZHANGZHUANG, LIZHUANG, HEQIAO)))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("group.rule.groupWithoutLeader");
                    assertThat(v.args()).containsExactly("第二巡察组");
                });
    }

    @Test
    void movingALocalityTakesItOutOfItsGroup() {
        RoundRoster roster = new RoundRoster(List.of(
                group(1, List.of(LEADER), 101, 102), group(2, List.of(member(3, "王强", GroupRole.LEADER)), 201)));
        roster.move(102, 2);
        assertThat(roster.group(1).localityIds()).containsExactly(101L);
        assertThat(roster.group(2).localityIds()).containsExactly(201L, 102L);
    }

    @Test
    void refusesAReplacementWhoWorksInTheTownshipNamingTheRuleAndThePerson() {
        RoundRoster roster = new RoundRoster(List.of(group(1, List.of(LEADER, MEMBER), 101, 102)));
        Candidate local = candidate(7, "钱进", Tier.MEMBER_TIER, WUQIANG);
        assertThatThrownBy(() -> roster.replace(1, MEMBER.inspector(), local, rules(List.of()), localities()))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("group.rule.recusal");
                    assertThat(v.args()[0]).isEqualTo(Reason.of("recusal.rule.WORK_TOWNSHIP"));
                    assertThat(v.args()[1]).isEqualTo("钱进");
                });
        assertThat(roster.group(1).members())
                .extracting(RoundRoster.Member::name)
                .containsExactly("赵明", "周洁");
    }

    @Test
    void acceptsTheReplacementWhenTheDirectorExceptedTheRule() {
        RoundRoster roster = new RoundRoster(List.of(group(1, List.of(LEADER, MEMBER), 101, 102)));
        Candidate local = candidate(7, "钱进", Tier.MEMBER_TIER, WUQIANG);
        RecusalRules excepted =
                rules(List.of(new RecusalExemption(local.id(), WUQIANG, RecusalRule.WORK_TOWNSHIP, "熟悉情况，经主任批准")));
        roster.replace(1, MEMBER.inspector(), local, excepted, localities());
        assertThat(roster.group(1).members())
                .extracting(RoundRoster.Member::name)
                .containsExactly("赵明", "钱进");
    }

    @Test
    void acceptsAReplacementFromElsewhereInTheSameRole() {
        RoundRoster roster = new RoundRoster(List.of(group(1, List.of(LEADER, MEMBER), 101, 102)));
        roster.replace(
                1, MEMBER.inspector(), candidate(8, "孙丽", Tier.MEMBER_TIER, 99L), rules(List.of()), localities());
        assertThat(roster.group(1).members())
                .extracting(RoundRoster.Member::role, RoundRoster.Member::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GroupRole.LEADER, "赵明"),
                        org.assertj.core.groups.Tuple.tuple(GroupRole.MEMBER, "孙丽"));
    }

    @Test
    void refusesSomeoneWhoAlreadyServesInTheRound() {
        RoundRoster roster = new RoundRoster(List.of(
                group(1, List.of(LEADER, MEMBER), 101), group(2, List.of(member(3, "王强", GroupRole.LEADER)), 201)));
        Candidate wang = candidate(3, "王强", Tier.LEADER_TIER, 99L);
        assertThatThrownBy(() -> roster.replace(1, LEADER.inspector(), wang, rules(List.of()), localities()))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("group.rule.alreadyServing"));
    }

    @Test
    void anAcceptedSuggestionPutsEveryLocalityInExactlyOneGroupOrLeavesItAsAGap() {
        qt().withExamples(60)
                .forAll(longs().all(), integers().between(1, 40), integers().between(1, 6))
                .checkAssert((seed, localityCount, perGroup) -> {
                    Random random = new Random(seed);
                    List<org.xuncha.inspectors.RoundLocality> localities = new ArrayList<>();
                    for (int i = 0; i < localityCount; i++) {
                        long township = 1 + random.nextInt(4);
                        localities.add(new org.xuncha.inspectors.RoundLocality(
                                1000 + i,
                                "村居" + i,
                                township,
                                "乡镇" + township,
                                random.nextBoolean() ? RegionKind.VILLAGE : RegionKind.COMMUNITY,
                                random.nextBoolean() ? Intensity.FOCUSED : Intensity.EXPEDITED,
                                random.nextInt(4) == 0));
                    }
                    List<Candidate> pool = new ArrayList<>();
                    int people = 5 + random.nextInt(60);
                    for (int i = 0; i < people; i++) {
                        pool.add(new Candidate(
                                new InspectorId(i + 1),
                                "人员" + i,
                                random.nextInt(3) == 0 ? Tier.LEADER_TIER : Tier.MEMBER_TIER,
                                random.nextBoolean() ? Set.of(Expertise.FINANCE) : Set.of(),
                                (long) (1 + random.nextInt(8)),
                                (long) (1 + random.nextInt(8)),
                                List.of(),
                                List.of(),
                                List.of()));
                    }
                    RosterSuggestion suggestion = RosterPlanner.suggest(new RosterRequest(
                            localities,
                            GroupSizing.perGroup(perGroup),
                            pool,
                            rules(List.of()),
                            ServiceHistory.none(),
                            GroupShape.standard()));
                    RoundRoster roster = RoundRoster.accept(suggestion, reasons -> "");
                    Map<Long, Integer> times = new HashMap<>();
                    roster.groups().forEach(g -> g.localityIds().forEach(id -> times.merge(id, 1, Integer::sum)));
                    suggestion.unassignedLocalities().forEach(l -> times.merge(l.id(), 1, Integer::sum));
                    assertThat(times.keySet())
                            .containsExactlyInAnyOrderElementsOf(localities.stream()
                                    .map(org.xuncha.inspectors.RoundLocality::id)
                                    .toList());
                    assertThat(times.values()).allMatch(n -> n == 1);
                    assertThat(roster.groups())
                            .allSatisfy(g -> assertThat(g.leader()).isNotNull());
                });
    }

    private static RecusalRules rules(List<RecusalExemption> exemptions) {
        return new RecusalRules(RecusalPolicy.allRules(), DATES, List.of(), exemptions);
    }

    private static Map<Long, org.xuncha.inspectors.RoundLocality> localities() {
        Map<Long, org.xuncha.inspectors.RoundLocality> byId = new HashMap<>();
        for (RoundLocality l : List.of(ZHANGZHUANG, LIZHUANG, HEQIAO)) {
            byId.put(
                    l.localityId(),
                    new org.xuncha.inspectors.RoundLocality(
                            l.localityId(),
                            l.name(),
                            l.townshipId(),
                            l.townshipName(),
                            l.kind(),
                            l.intensity(),
                            false));
        }
        return byId;
    }

    private static Candidate candidate(long id, String name, Tier tier, Long workTownship) {
        return new Candidate(
                new InspectorId(id), name, tier, Set.of(), workTownship, 98L, List.of(), List.of(), List.of());
    }

    private static RoundRoster.Member member(long id, String name, GroupRole role) {
        return new RoundRoster.Member(new InspectorId(id), name, role, null, "");
    }

    private static RoundRoster.Group group(int number, List<RoundRoster.Member> members, long... localityIds) {
        List<Long> ids = new ArrayList<>();
        for (long id : localityIds) {
            ids.add(id);
        }
        return new RoundRoster.Group(number, RoundRoster.name(number), members, ids);
    }

    private static RoundLocality planned(long id, String name, long townshipId, String townshipName) {
        return new RoundLocality(
                id,
                String.valueOf(id),
                name,
                RegionKind.VILLAGE,
                townshipId,
                townshipName,
                "/1/" + townshipId + "/" + id + "/",
                Intensity.FOCUSED,
                15);
    }
}
