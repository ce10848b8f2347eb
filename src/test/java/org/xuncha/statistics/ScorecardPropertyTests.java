package org.xuncha.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Properties of the scorecard, with QuickTheories: for random small sets of records added to the pilot round (written
 * straight into the owning modules' tables in a transaction that is rolled back), every figure equals its drill-down
 * list (row count, or the list's sum for summed figures; each breakdown key likewise), and adding one record of a kind
 * moves exactly the figures it should.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class ScorecardPropertyTests {

    private static final String[] FINDING_STATES = {"DRAFT", "SUBMITTED", "LEADER_APPROVED", "APPROVED", "RETURNED"};
    private static final String[] LEAD_STATES = {"RAISED", "TRANSFERRED", "RECEIVED", "CONCLUDED"};
    private static final String[] TASK_STATES = {"OPEN", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CLOSED_OUT"};
    private static final String[] TRIAGES = {"RECORD_AS_FINDING", "RECORD_AS_LEAD", "FORWARDED", "NO_ACTION"};

    @Autowired
    Scorecard scorecard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long pilot;
    List<Map<String, Object>> localities;
    Selection selection;
    Selection elsewhere;

    @BeforeEach
    void pilotIsReady() {
        pilot = StatisticsWebTests.awaitPilot(jdbc);
        localities = jdbc.sql("select rl.locality_id, rl.name, rl.township_id, rl.township_name, rl.path,"
                        + " t.path as township_path from planning.round_locality rl"
                        + " join organization.region t on t.id = rl.township_id where rl.round_id = :r order by 1")
                .param("r", pilot)
                .query()
                .listOfRows();
        String district = jdbc.sql("select path from organization.region where name = '睢阳区'")
                .query(String.class)
                .single();
        selection = new Selection(
                List.of(district + "%"),
                "%",
                LocalDate.of(1900, 1, 1),
                LocalDate.of(9999, 12, 31),
                pilot,
                null,
                LocalDate.now());
        elsewhere = new Selection(
                List.of("/nowhere/%"), "%", selection.from(), selection.to(), pilot, null, selection.today());
    }

    @Test
    void everyFigureEqualsItsDrillDownList() {
        qt().withExamples(12)
                .withShrinkCycles(0)
                .forAll(
                        integers().between(0, 6),
                        integers().between(0, 6),
                        integers().between(0, 6),
                        longs().all())
                .checkAssert((a, b, c, seed) -> inRolledBackTransaction(() -> {
                    Random random = new Random(seed);
                    addRandomRecords(random, a, b, c);
                    Scorecard.Figures figures = scorecard.figures(selection);
                    for (Figure figure : Figure.values()) {
                        Scorecard.Listing list = scorecard.list(figure, selection, 0, 100_000);
                        assertThat(list.measure()).as(figure.name()).isEqualTo(figures.get(figure));
                        if (figure.summed()) {
                            int column = figure == Figure.TALK_PERSON_TIMES ? 5 : 4;
                            long sum = list.page().items().stream()
                                    .mapToLong(r -> ((Number) r.get(column)).longValue())
                                    .sum();
                            assertThat(sum).as(figure.name()).isEqualTo(figures.get(figure));
                        } else {
                            assertThat(list.page().total()).as(figure.name()).isEqualTo(figures.get(figure));
                            assertThat(list.page().items()).hasSize((int) figures.get(figure));
                        }
                        if (figure.breakdown() != null) {
                            long total = 0;
                            for (Map.Entry<String, Long> e :
                                    figures.breakdown(figure).entrySet()) {
                                Scorecard.Listing keyed = scorecard.list(figure, selection.withKey(e.getKey()), 0, 10);
                                assertThat(keyed.page().total())
                                        .as(figure + " " + e.getKey())
                                        .isEqualTo(e.getValue());
                                total += e.getValue();
                            }
                            assertThat(total).as(figure + " breakdown").isEqualTo(figures.get(figure));
                        }
                    }
                    for (Figure figure : Figure.values()) {
                        assertThat(scorecard.value(figure, elsewhere))
                                .as(figure.name())
                                .isZero();
                    }
                }));
    }

    @Test
    void addingOneRecordMovesExactlyItsFigures() {
        qt().withExamples(10)
                .withShrinkCycles(0)
                .forAll(integers().between(0, 6), longs().all())
                .checkAssert((kind, seed) -> inRolledBackTransaction(() -> {
                    Random random = new Random(seed);
                    addRandomRecords(random, 2, 2, 2);
                    Scorecard.Figures before = scorecard.figures(selection);
                    Map<Figure, Long> expected = new EnumMap<>(Figure.class);
                    Map<String, Object> at = locality(random);
                    switch (kind) {
                        case 0 -> {
                            boolean fixed = random.nextBoolean();
                            finding(at, "APPROVED", fixed, random);
                            expected.put(Figure.FINDINGS, 1L);
                            if (fixed) {
                                expected.put(Figure.FIXED_ON_THE_SPOT, 1L);
                            }
                        }
                        case 1 -> {
                            talk(at, 7);
                            expected.put(Figure.TALKS, 1L);
                            expected.put(Figure.TALK_PERSON_TIMES, 7L);
                        }
                        case 2 -> {
                            notice(at, 3);
                            expected.put(Figure.NOTICES_POSTED, 3L);
                        }
                        case 3 -> {
                            petition(at, "FORWARDED");
                            expected.put(Figure.PETITIONS_RECEIVED, 1L);
                            expected.put(Figure.PETITIONS_TRIAGED, 1L);
                        }
                        case 4 -> {
                            task(at, "OPEN", LocalDate.now().minusDays(3), null);
                            expected.put(Figure.TASKS, 1L);
                            expected.put(Figure.TASKS_OPEN, 1L);
                            expected.put(Figure.TASKS_OVERDUE, 1L);
                        }
                        case 5 -> {
                            task(
                                    at,
                                    "CLOSED_OUT",
                                    LocalDate.now(),
                                    LocalDate.now().minusDays(1));
                            expected.put(Figure.TASKS, 1L);
                            expected.put(Figure.TASKS_CLOSED_OUT, 1L);
                            expected.put(Figure.TASKS_CLOSED_ON_TIME, 1L);
                        }
                        default -> {
                            Boolean special = visitNewHousehold(at);
                            if (special != null) {
                                expected.put(Figure.HOUSEHOLDS_VISITED, 1L);
                                if (special) {
                                    expected.put(Figure.SPECIAL_VISITED, 1L);
                                }
                            }
                        }
                    }
                    Scorecard.Figures after = scorecard.figures(selection);
                    for (Figure figure : Figure.values()) {
                        assertThat(after.get(figure) - before.get(figure))
                                .as(figure.name() + " after adding kind " + kind)
                                .isEqualTo(expected.getOrDefault(figure, 0L));
                    }
                }));
    }

    @Test
    void aDraftFindingARaisedLeadAndAnUntriagedPetitionMoveOnlyWhatTheyShould() {
        inRolledBackTransaction(() -> {
            Scorecard.Figures before = scorecard.figures(selection);
            Map<String, Object> at = localities.get(0);
            finding(at, "DRAFT", true, new Random(1));
            lead(at, "RAISED");
            petition(at, null);
            Scorecard.Figures after = scorecard.figures(selection);
            Set<Figure> moved = EnumSet.noneOf(Figure.class);
            for (Figure figure : Figure.values()) {
                if (after.get(figure) != before.get(figure)) {
                    moved.add(figure);
                }
            }
            assertThat(moved).containsExactly(Figure.PETITIONS_RECEIVED);
        });
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private Map<String, Object> locality(Random random) {
        return localities.get(random.nextInt(localities.size()));
    }

    private void addRandomRecords(Random random, int findings, int fieldwork, int follow) {
        for (int i = 0; i < findings; i++) {
            finding(locality(random), FINDING_STATES[random.nextInt(5)], random.nextBoolean(), random);
            lead(locality(random), LEAD_STATES[random.nextInt(4)]);
        }
        for (int i = 0; i < fieldwork; i++) {
            talk(locality(random), 1 + random.nextInt(20));
            notice(locality(random), 1 + random.nextInt(5));
            visitNewHousehold(locality(random));
        }
        for (int i = 0; i < follow; i++) {
            petition(locality(random), random.nextBoolean() ? null : TRIAGES[random.nextInt(4)]);
            String state = TASK_STATES[random.nextInt(5)];
            LocalDate deadline = LocalDate.now().plusDays(random.nextInt(41) - 20);
            task(
                    locality(random),
                    state,
                    deadline,
                    state.equals("CLOSED_OUT") ? deadline.plusDays(random.nextInt(11) - 5) : null);
        }
    }

    private void finding(Map<String, Object> at, String state, boolean fixed, Random random) {
        long category = jdbc.sql("select id from findings.category order by position limit 1 offset :n")
                .param("n", random.nextInt(12))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into findings.finding (round_id, group_number, locality_id, locality_name, locality_path,
                            township_id, township_name, category_id, category, description, source_kind, severity,
                            state, fixed_on_the_spot, recorded_by, recorded_at)
                        select :round, 1, :locality, :name, :path, :township, :townshipName, c.id, c.name, '测试问题',
                            'OTHER', 'GENERAL', :state, :fixed, 'test', now()
                        from findings.category c where c.id = :category
                        """)
                .params(params(at))
                .param("state", state)
                .param("fixed", fixed)
                .param("category", category)
                .update();
    }

    private void lead(Map<String, Object> at, String state) {
        jdbc.sql("""
                        insert into findings.lead (round_id, group_number, locality_id, locality_name, locality_path,
                            township_name, persons_sealed, matter_sealed, receiver, receiver_name, sensitivity, state,
                            raised_by, raised_at)
                        values (:round, 1, :locality, :name, :path, :townshipName, '\\x00'::bytea, '\\x00'::bytea,
                            'DISCIPLINE_COMMISSION', '区纪委监委', 'ORDINARY', :state, 'test', now())
                        """).params(params(at)).param("state", state).update();
    }

    private void talk(Map<String, Object> at, int personTimes) {
        jdbc.sql("""
                        insert into fieldwork.talk (round_id, locality_id, path, kind, held_on, place, inspectors,
                            inspector_count, participants, person_times, topic, recorded_by, recorded_at)
                        values (:round, :locality, :path, 'FORUM', current_date, '村委会', '甲、乙', 2, '群众',
                            :personTimes, '测试', 'test', now())
                        """).params(params(at)).param("personTimes", personTimes).update();
    }

    private void notice(Map<String, Object> at, int copies) {
        jdbc.sql("""
                        insert into fieldwork.notice_posting (round_id, locality_id, path, location, copies, posted_on,
                            recorded_by, recorded_at)
                        values (:round, :locality, :path, '村口', :copies, current_date, 'test', now())
                        """).params(params(at)).param("copies", copies).update();
    }

    /**
     * Visits a household of the 村居 not yet visited in the round. Answers whether that household is a special one
     * (五保户, 低保户 or 危房改造户), or null when every household has been visited.
     */
    private Boolean visitNewHousehold(Map<String, Object> at) {
        return jdbc.sql("""
                                with visited as (
                                    insert into fieldwork.household_visit (round_id, locality_id, path, household_id,
                                        household_code, visited_on, satisfaction, recorded_by, recorded_at)
                                    select :round, :locality, :path, h.id, h.code, current_date, 'SATISFIED', 'test',
                                        now()
                                    from organization.household h where h.locality_id = :locality and not exists
                                        (select 1 from fieldwork.household_visit v where v.round_id = :round
                                         and v.household_id = h.id)
                                    order by h.id limit 1
                                    returning household_id)
                                select h.five_guarantees or h.minimum_living or h.dilapidated_housing
                                from visited join organization.household h on h.id = visited.household_id
                                """).params(params(at)).query(Boolean.class).optional().orElse(null);
    }

    private void petition(Map<String, Object> at, String triage) {
        String digest = Long.toHexString(System.nanoTime()) + Math.random();
        jdbc.sql("""
                        insert into intake.petition (round_id, locality_id, locality_name, township_name, path, channel,
                            category, content, received_on, receipt_digest, receipt_sealed, status, triage,
                            triage_reason, forwarded_to, triaged_by, triaged_at)
                        values (:round, :locality, :name, :townshipName, :path, 'PHONE', 'OTHER', '测试', current_date,
                            :digest, '\\x00'::bytea, :status, :triage, '测试', '乡镇', :triagedBy, :triagedAt)
                        """)
                .params(params(at))
                .param("digest", digest)
                .param("status", triage == null ? "RECEIVED" : "IN_PROGRESS")
                .param("triage", triage)
                .param("triagedBy", triage == null ? null : "office")
                .param("triagedAt", triage == null ? null : Timestamp.from(Instant.now()))
                .update();
    }

    private void task(Map<String, Object> at, String state, LocalDate deadline, LocalDate closedOn) {
        long feedback = -Math.abs(System.nanoTime() % 1_000_000_000L) - 1;
        long plan = jdbc.sql("""
                        insert into rectification.plan (feedback_id, round_id, township_id, township_name, township_path,
                            issued_on, report_due, state)
                        values (:feedback, :round, :township, :townshipName, :townshipPath, current_date - 30,
                            current_date, 'APPROVED') returning id
                        """)
                .params(params(at))
                .param("feedback", feedback)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into rectification.task (plan_id, feedback_id, finding_id, round_id, township_id,
                            township_name, locality_id, locality_name, locality_path, category, facts, requirement,
                            deadline, responsible, state, closed_on)
                        values (:plan, :feedback, 1, :round, :township, :townshipName, :locality, :name, :path,
                            '民生保障', '测试', '整改', :deadline, '村支书', :state, :closedOn)
                        """)
                .params(params(at))
                .param("plan", plan)
                .param("feedback", feedback)
                .param("deadline", java.sql.Date.valueOf(deadline))
                .param("state", state)
                .param("closedOn", closedOn == null ? null : java.sql.Date.valueOf(closedOn))
                .update();
    }

    private Map<String, Object> params(Map<String, Object> at) {
        return Map.of(
                "round", pilot,
                "locality", at.get("locality_id"),
                "name", at.get("name"),
                "path", at.get("path"),
                "township", at.get("township_id"),
                "townshipName", at.get("township_name"),
                "townshipPath", at.get("township_path"));
    }
}
