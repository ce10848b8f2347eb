package org.xuncha.inspectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/** Each recusal rule bites where it should, names the person and the reason, and yields to the director's exception. */
class RecusalRulesTests {

    static final long WUQIANG = 10;
    static final long FENGQIAO = 20;
    static final RoundLocality ZHANGZHUANG =
            new RoundLocality(101, "张庄村", WUQIANG, "坞墙镇", RegionKind.VILLAGE, Intensity.FOCUSED, false);
    static final RoundLocality LIULOU =
            new RoundLocality(201, "刘楼村", FENGQIAO, "冯桥镇", RegionKind.VILLAGE, Intensity.EXPEDITED, false);
    static final DateRange ROUND = new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

    static Candidate person(long id, @Nullable Long work, @Nullable Long home) {
        return new Candidate(
                new InspectorId(id),
                "王" + id,
                Tier.LEADER_TIER,
                Set.of(Expertise.FINANCE),
                work,
                home,
                List.of(),
                List.of(),
                List.of());
    }

    static RecusalRules rules(List<PreviousPlacement> previous, List<RecusalExemption> exemptions) {
        return new RecusalRules(RecusalPolicy.allRules(), ROUND, previous, exemptions);
    }

    final RecusalRules plain = rules(List.of(), List.of());

    @Test
    void refusesInspectorFromTheTownshipWhereTheyWork() {
        Candidate person = person(1, WUQIANG, null);
        List<RecusalViolation> violations = plain.check(person, GroupRole.MEMBER, ZHANGZHUANG);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(RecusalRule.WORK_TOWNSHIP);
            assertThat(v.inspector()).isEqualTo(new InspectorId(1));
            assertThat(v.reason().key()).isEqualTo("recusal.violation.WORK_TOWNSHIP");
            assertThat(v.reason().args()).containsExactly("王1", "坞墙镇", "张庄村");
            assertThat(v.blocks()).isTrue();
        });
        assertThat(plain.permits(person, GroupRole.MEMBER, LIULOU)).isTrue();
    }

    @Test
    void refusesInspectorFromTheTownshipWhereTheyLiveOrComeFrom() {
        Candidate person = person(2, null, WUQIANG);
        assertThat(plain.check(person, GroupRole.LEADER, ZHANGZHUANG))
                .extracting(RecusalViolation::rule)
                .containsExactly(RecusalRule.HOME_TOWNSHIP);
        assertThat(plain.permits(person, GroupRole.LEADER, LIULOU)).isTrue();
    }

    @Test
    void refusesInspectorWithADeclaredRelativeInThe村居() {
        Candidate person = new Candidate(
                new InspectorId(3),
                "李三",
                Tier.MEMBER_TIER,
                Set.of(),
                null,
                null,
                List.of(new Candidate.DeclaredRelative(ZHANGZHUANG.id(), "舅舅")),
                List.of(),
                List.of());
        assertThat(plain.check(person, GroupRole.MEMBER, ZHANGZHUANG))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo(RecusalRule.RELATIVE);
                    assertThat(v.reason().args()).containsExactly("李三", "张庄村", "舅舅");
                });
        RoundLocality neighbour =
                new RoundLocality(102, "王楼村", WUQIANG, "坞墙镇", RegionKind.VILLAGE, Intensity.EXPEDITED, false);
        assertThat(plain.permits(person, GroupRole.MEMBER, neighbour)).isTrue();
    }

    @Test
    void refusesTheSameRoleForTheSameTownshipTwiceInARow() {
        Candidate person = person(4, null, null);
        RecusalRules rotation =
                rules(List.of(new PreviousPlacement(person.id(), WUQIANG, GroupRole.LEADER)), List.of());
        assertThat(rotation.check(person, GroupRole.LEADER, ZHANGZHUANG))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo(RecusalRule.ROTATION);
                    assertThat(v.reason().key()).isEqualTo("recusal.violation.ROTATION.LEADER");
                });
        assertThat(rotation.permits(person, GroupRole.DEPUTY, ZHANGZHUANG)).isTrue();
        assertThat(rotation.permits(person, GroupRole.LEADER, LIULOU)).isTrue();
    }

    @Test
    void refusesWhereTheOfficeEnteredAManualRecusalForTheTownshipOrThe村居() {
        Candidate township = new Candidate(
                new InspectorId(5),
                "赵五",
                Tier.LEADER_TIER,
                Set.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(new Candidate.ManualRecusal(WUQIANG, "曾在该镇挂职")));
        assertThat(plain.check(township, GroupRole.LEADER, ZHANGZHUANG))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo(RecusalRule.MANUAL);
                    assertThat(v.reason().args()).containsExactly("赵五", "坞墙镇", "曾在该镇挂职");
                });
        Candidate locality = new Candidate(
                new InspectorId(6),
                "钱六",
                Tier.LEADER_TIER,
                Set.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(new Candidate.ManualRecusal(LIULOU.id(), "同学任村支书")));
        assertThat(plain.check(locality, GroupRole.LEADER, LIULOU))
                .extracting(v -> v.reason().args().get(1))
                .containsExactly("刘楼村");
        assertThat(plain.permits(locality, GroupRole.LEADER, ZHANGZHUANG)).isTrue();
    }

    @Test
    void refusesAPersonUnavailableDuringTheRound() {
        Candidate away = new Candidate(
                new InspectorId(7),
                "孙七",
                Tier.MEMBER_TIER,
                Set.of(),
                null,
                null,
                List.of(),
                List.of(new Candidate.Unavailability(
                        new DateRange(LocalDate.of(2026, 4, 28), LocalDate.of(2026, 5, 10)), "党校培训")),
                List.of());
        assertThat(plain.check(away, GroupRole.MEMBER, LIULOU)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(RecusalRule.UNAVAILABLE);
            assertThat(v.reason().args()).containsExactly("孙七", "2026-04-28", "2026-05-10", "党校培训");
        });
        Candidate later = new Candidate(
                new InspectorId(8),
                "周八",
                Tier.MEMBER_TIER,
                Set.of(),
                null,
                null,
                List.of(),
                List.of(new Candidate.Unavailability(
                        new DateRange(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10)), "休假")),
                List.of());
        assertThat(plain.permits(later, GroupRole.MEMBER, LIULOU)).isTrue();
    }

    @Test
    void anExceptionOfTheDirectorNoLongerBlocksButIsStillShown() {
        Candidate person = person(9, WUQIANG, null);
        RecusalExemption exemption =
                new RecusalExemption(person.id(), WUQIANG, RecusalRule.WORK_TOWNSHIP, "熟悉情况，经研究同意");
        RecusalRules excepted = rules(List.of(), List.of(exemption));
        assertThat(excepted.permits(person, GroupRole.LEADER, ZHANGZHUANG)).isTrue();
        assertThat(excepted.check(person, GroupRole.LEADER, ZHANGZHUANG))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.blocks()).isFalse();
                    assertThat(v.exemption()).isEqualTo(exemption);
                });
    }

    @Test
    void anExceptionCoversOnlyItsRuleAndItsPlace() {
        Candidate person = person(10, WUQIANG, WUQIANG);
        RecusalRules excepted =
                rules(List.of(), List.of(new RecusalExemption(person.id(), WUQIANG, RecusalRule.WORK_TOWNSHIP, "同意")));
        assertThat(excepted.permits(person, GroupRole.LEADER, ZHANGZHUANG)).isFalse();
        assertThat(excepted.check(person, GroupRole.LEADER, ZHANGZHUANG))
                .filteredOn(RecusalViolation::blocks)
                .extracting(RecusalViolation::rule)
                .containsExactly(RecusalRule.HOME_TOWNSHIP);
        RecusalRules elsewhere =
                rules(List.of(), List.of(new RecusalExemption(person.id(), FENGQIAO, RecusalRule.WORK_TOWNSHIP, "同意")));
        assertThat(elsewhere.check(person, GroupRole.LEADER, ZHANGZHUANG)).allMatch(RecusalViolation::blocks);
    }

    @Test
    void aRuleTheDistrictTurnedOffDoesNotBite() {
        Candidate person = person(11, WUQIANG, null);
        RecusalRules relaxed = new RecusalRules(
                new RecusalPolicy(EnumSet.complementOf(EnumSet.of(RecusalRule.WORK_TOWNSHIP))),
                ROUND,
                List.of(),
                List.of());
        assertThat(relaxed.check(person, GroupRole.LEADER, ZHANGZHUANG)).isEmpty();
    }

    @Test
    void reportsEveryRuleThatBitesAtOnce() {
        Candidate person = new Candidate(
                new InspectorId(12),
                "吴十二",
                Tier.LEADER_TIER,
                Set.of(),
                WUQIANG,
                WUQIANG,
                List.of(new Candidate.DeclaredRelative(ZHANGZHUANG.id(), "父亲")),
                List.of(new Candidate.Unavailability(ROUND, "借调")),
                List.of(new Candidate.ManualRecusal(ZHANGZHUANG.id(), "利害关系")));
        RecusalRules rotation =
                rules(List.of(new PreviousPlacement(person.id(), WUQIANG, GroupRole.LEADER)), List.of());
        assertThat(rotation.check(person, GroupRole.LEADER, ZHANGZHUANG))
                .extracting(RecusalViolation::rule)
                .containsExactly(
                        RecusalRule.WORK_TOWNSHIP,
                        RecusalRule.HOME_TOWNSHIP,
                        RecusalRule.RELATIVE,
                        RecusalRule.ROTATION,
                        RecusalRule.MANUAL,
                        RecusalRule.UNAVAILABLE);
        assertThat(rotation.permits(person, GroupRole.LEADER, ZHANGZHUANG)).isFalse();
    }
}
