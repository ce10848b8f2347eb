package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * Terms, rounds, history, coverage and the checklist against embedded PostgreSQL with the demo district; each test
 * plans in townships of its own so the shared context's state does not leak between them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PlanningPersistenceTests {

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Autowired
    Terms terms;

    @Autowired
    InspectionRounds rounds;

    @Autowired
    RoundPlanning planning;

    @Autowired
    TermPlanning termPlanning;

    @Autowired
    FocusItems focusItems;

    @Autowired
    FocusChecklist checklist;

    @Autowired
    Rounds facade;

    @Autowired
    GroupPlanning groupPlanning;

    long districtId;
    RegionScope district;
    Term term;

    /** The demo's planning is written by an event listener after the district is loaded: wait for it. */
    static void awaitDemo(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql(
                                        "select count(*) from planning.round where kind = 'PILOT' and state = 'FIELDWORK_FINISHED'")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @BeforeEach
    void demoIsLoaded() {
        awaitDemo(jdbc);
        districtId = regions.findByName("睢阳区").orElseThrow().id();
        district = RegionScope.of(List.of(districtId));
        term = terms.all(ScopePrefixes.of(district, regions)).get(0);
    }

    @Test
    void theDemoHasTheTermWithItsPilotOfFourTownshipsAndEightLocalities() {
        assertThat(term.name()).isEqualTo("五届区委");
        assertThat(term.goal()).isEqualTo(Term.FULL_COVERAGE);
        InspectionRound pilot = rounds
                .page(
                        new InspectionRounds.Filter(term.id(), RoundState.FIELDWORK_FINISHED),
                        ScopePrefixes.of(district, regions),
                        0,
                        50)
                .items()
                .stream()
                .filter(r -> r.kind() == RoundKind.PILOT)
                .findFirst()
                .flatMap(r -> rounds.find(r.id().value(), ScopePrefixes.of(district, regions)))
                .orElseThrow();
        assertThat(pilot.townships())
                .extracting(InspectionRound.Township::name)
                .containsExactly("古城街道", "坞墙镇", "冯桥镇", "闫集镇");
        assertThat(pilot.localities()).hasSize(8);
        assertThat(pilot.count(RegionKind.VILLAGE)).isEqualTo(4);
        assertThat(pilot.count(RegionKind.COMMUNITY)).isEqualTo(4);
        assertThat(pilot.transitions())
                .extracting(InspectionRound.Transition::to)
                .containsExactly(
                        RoundState.PLANNED, RoundState.APPROVED, RoundState.IN_FIELD, RoundState.FIELDWORK_FINISHED);
        assertThat(pilot.transitions().get(1).by()).isEqualTo("director");
        assertThat(rounds.coveredLocalities(term.id()))
                .containsAll(pilot.localities().stream()
                        .map(RoundLocality::localityId)
                        .toList());
        assertThat(focusItems.active(districtId)).hasSize(FocusItem.ARTICLE_LIST.size());
        assertThat(jdbc.sql("select count(*) from planning.meeting where round_id = :id")
                        .param("id", pilot.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void storesARoundWithItsTownshipsLocalitiesAndHistoryAndRefusesAStaleVersion() {
        List<LocalitySummary> luhe = localitiesOf("路河镇");
        InspectionRound planned = plan(List.of("路河镇"), luhe.subList(0, 5));
        InspectionRound stored =
                rounds.find(planned.id(), ScopePrefixes.of(district, regions)).orElseThrow();
        assertThat(stored.label()).isEqualTo(planned.label());
        assertThat(stored.townships())
                .extracting(InspectionRound.Township::name)
                .containsExactly("路河镇");
        assertThat(stored.localities())
                .extracting(RoundLocality::localityId)
                .containsExactlyElementsOf(
                        luhe.subList(0, 5).stream().map(LocalitySummary::id).toList());
        assertThat(stored.localities())
                .allSatisfy(l -> assertThat(l.plannedDays())
                        .isEqualTo(l.intensity() == org.xuncha.organization.Intensity.FOCUSED ? 15 : 5));
        assertThat(stored.version()).isZero();

        InspectionRound.Actor director = new InspectionRound.Actor("director", true);
        groupPlanning.accept(stored, term, 2);
        planning.advance(stored, RoundState.APPROVED, 0, director, Instant.now());
        InspectionRound again =
                rounds.find(planned.id(), ScopePrefixes.of(district, regions)).orElseThrow();
        assertThat(again.state()).isEqualTo(RoundState.APPROVED);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.transitions()).hasSize(2);

        InspectionRound stale =
                rounds.find(planned.id(), ScopePrefixes.of(district, regions)).orElseThrow();
        planning.advance(again, RoundState.IN_FIELD, 1, new InspectionRound.Actor("office", false), Instant.now());
        assertThatThrownBy(() -> planning.advance(
                        stale, RoundState.IN_FIELD, 1, new InspectionRound.Actor("office", false), Instant.now()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(rounds.find(planned.id(), ScopePrefixes.of(district, regions))
                        .orElseThrow()
                        .transitions())
                .hasSize(3);
    }

    @Test
    void countsLocalitiesAsCoveredOnceTheFieldworkOfTheirRoundIsFinished() {
        List<LocalitySummary> gaoxin = localitiesOf("高辛镇").subList(0, 3);
        int before = termPlanning.standing(term, district).progress().covered();
        InspectionRound round = plan(List.of("高辛镇"), gaoxin);
        InspectionRound.Actor office = new InspectionRound.Actor("office", false);
        groupPlanning.accept(round, term, 2);
        planning.advance(
                round,
                RoundState.APPROVED,
                round.version(),
                new InspectionRound.Actor("director", true),
                Instant.now());
        planning.advance(round, RoundState.IN_FIELD, round.version(), office, Instant.now());
        assertThat(termPlanning.standing(term, district).progress().covered()).isEqualTo(before);
        assertThat(rounds.coveredLocalities(term.id()))
                .doesNotContain(gaoxin.get(0).id());

        // fieldwork's completion check: every 五保户, 低保户 and 危房改造户 visited or excused first
        assertThatThrownBy(() ->
                        planning.advance(round, RoundState.FIELDWORK_FINISHED, round.version(), office, Instant.now()))
                .isInstanceOf(RoundRuleViolation.class);
        jdbc.sql("insert into fieldwork.visit_excuse (round_id, household_id, locality_id, path, reason, note,"
                        + " recorded_by, recorded_at) select :round, h.id, h.locality_id, '/', 'MOVED_AWAY', null,"
                        + " 'test', now() from organization.household h where h.locality_id in (:localities)"
                        + " and (h.five_guarantees or h.minimum_living or h.dilapidated_housing)")
                .param("round", round.id())
                .param("localities", gaoxin.stream().map(LocalitySummary::id).toList())
                .update();
        planning.advance(round, RoundState.FIELDWORK_FINISHED, round.version(), office, Instant.now());
        assertThat(events.stream(FieldworkFinished.class)).singleElement().satisfies(finished -> {
            assertThat(finished.roundId()).isEqualTo(round.roundId());
            assertThat(finished.termId()).isEqualTo(term.termId());
            assertThat(finished.localityIds())
                    .containsExactlyElementsOf(
                            gaoxin.stream().map(LocalitySummary::id).toList());
        });
        assertThat(events.stream(RoundPlanned.class)).hasSize(1);
        assertThat(events.stream(RoundApproved.class)).hasSize(1);
        TermPlanning.Standing after = termPlanning.standing(term, district);
        assertThat(after.progress().covered()).isEqualTo(before + 3);
        assertThat(after.progress().total()).isEqualTo(349);
        assertThat(after.uncovered())
                .extracting(LocalitySummary::id)
                .doesNotContain(gaoxin.get(0).id());
    }

    @Test
    void refusesALocalityThatAnUnfinishedRoundHasTaken() {
        List<LocalitySummary> songji = localitiesOf("宋集镇");
        plan(List.of("宋集镇"), songji.subList(0, 2));
        assertThatThrownBy(() -> plan(List.of("宋集镇"), songji.subList(1, 3)))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("round.rule.alreadyInOpenRound");
                    assertThat(v.args()[0]).isEqualTo(songji.get(1).name());
                });
    }

    @Test
    void showsARoundOnlyToScopesThatReachOneOfItsLocalities() {
        List<LocalitySummary> guocun = localitiesOf("郭村镇");
        InspectionRound round = plan(List.of("郭村镇"), guocun.subList(0, 2));
        ScopePrefixes wuqiang = ScopePrefixes.of(RegionScope.of(List.of(township("坞墙镇"))), regions);
        ScopePrefixes guocunScope = ScopePrefixes.of(RegionScope.of(List.of(township("郭村镇"))), regions);
        assertThat(rounds.find(round.id(), wuqiang)).isEmpty();
        assertThat(rounds.find(round.id(), guocunScope)).isPresent();
        assertThat(rounds.find(round.id(), ScopePrefixes.of(RegionScope.none(), regions)))
                .isEmpty();
        assertThat(facade.find(round.roundId(), RegionScope.of(List.of(township("坞墙镇")))))
                .isEmpty();

        InspectionRound pilot =
                rounds.page(new InspectionRounds.Filter(term.id(), null), wuqiang, 0, 50).items().stream()
                        .filter(r -> r.kind() == RoundKind.PILOT)
                        .findFirst()
                        .flatMap(r -> rounds.find(r.id().value(), wuqiang))
                        .orElseThrow();
        assertThat(rounds.localities(pilot.id(), wuqiang))
                .extracting(RoundLocality::townshipName)
                .containsOnly("坞墙镇");
        RoundSummary seen = facade.find(pilot.roundId(), RegionScope.of(List.of(township("坞墙镇"))))
                .orElseThrow();
        assertThat(seen.townshipNames()).containsExactly("坞墙镇");
        assertThat(seen.localityCount()).isEqualTo(2);
        assertThat(rounds.page(InspectionRounds.Filter.none(), wuqiang, 0, 50).items())
                .extracting(RoundSummary::id)
                .doesNotContain(round.roundId());
    }

    @Test
    void keepsTheChecklistInTheOfficesOrder() {
        ScopePrefixes scope = ScopePrefixes.of(district, regions);
        long id = checklist.add(districtId, term.districtPath(), "村级换届选举", "检查换届选举风气。");
        FocusItem added = focusItems.find(id, scope).orElseThrow();
        List<FocusItem> before = focusItems.inScope(scope);
        assertThat(before.get(before.size() - 1).id()).isEqualTo(id);

        checklist.move(added, true, added.version());
        List<FocusItem> moved = focusItems.inScope(scope);
        assertThat(moved.get(moved.size() - 2).id()).isEqualTo(id);

        FocusItem current = focusItems.find(id, scope).orElseThrow();
        checklist.setActive(current, false, current.version());
        assertThat(focusItems.active(districtId)).extracting(FocusItem::id).doesNotContain(id);
        assertThatThrownBy(() -> checklist.revise(current, "改", null, current.version()))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    private InspectionRound plan(List<String> townshipNames, List<LocalitySummary> localities) {
        LocalDate entry = term.startsOn().plusMonths(6);
        return planning.plan(
                term,
                RoundKind.REGULAR,
                new InspectionRound.Schedule(entry, entry.plusDays(20)),
                InspectionRound.Channels.none(),
                townshipNames.stream().map(this::township).toList(),
                localities.stream().map(LocalitySummary::id).toList(),
                district,
                "office",
                Instant.now());
    }

    private long township(String name) {
        return regions.findByName(name).orElseThrow().id();
    }

    private List<LocalitySummary> localitiesOf(String township) {
        return regions.localitiesUnder(Set.of(township(township)), district);
    }
}
