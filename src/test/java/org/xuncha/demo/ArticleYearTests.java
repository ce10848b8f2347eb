package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.xuncha.fieldwork.FieldworkFigures;
import org.xuncha.findings.FindingState;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Findings;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.rectification.Rectifications;
import org.xuncha.rectification.TownshipFigures;
import org.xuncha.revisits.RevisitSeeding;
import org.xuncha.statistics.Figure;
import org.xuncha.statistics.Scorecard;
import org.xuncha.statistics.Selection;

/**
 * With the demo year on, the demo district's year counts exactly the article's figures, each counted through the
 * modules' public read APIs (not the generator's own arithmetic): 5 rounds, 213 村居 inspected (61% of the term's
 * target), 2,351 problems, 217 leads transferred, 62 立行立改, 2,125 person-times, 14,743 households (every special
 * household of the year's regular rounds visited), 2,130 notices, 27 村 revisited in 坞墙、冯桥、闫集; and feedback
 * opened rectification tasks for every approved problem of the regular rounds.
 */
@SpringBootTest(properties = "xuncha.demo.article-year=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleYearTests {

    @Autowired
    ArticleYear articleYear;

    @Autowired
    Regions regions;

    @Autowired
    Rounds rounds;

    @Autowired
    Findings findings;

    @Autowired
    FieldworkFigures fieldwork;

    @Autowired
    RevisitSeeding revisits;

    @Autowired
    Rectifications rectifications;

    @Autowired
    Scorecard scorecard;

    @Autowired
    JdbcClient jdbc;

    RegionScope whole;
    List<RoundSummary> year;
    Authentication office = ArticleYear.office();

    @BeforeAll
    void generated() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> articleYear.progress() != ArticleYear.Progress.WAITING
                        && articleYear.progress() != ArticleYear.Progress.RUNNING);
        assertThat(articleYear.progress())
                .as("generation failed: %s", articleYear.failure())
                .isEqualTo(ArticleYear.Progress.DONE);
        RegionSummary district = regions.findByName("睢阳区").orElseThrow();
        whole = RegionScope.of(List.of(district.id()));
        year = rounds.visible(whole, office, 0, 100).items().stream()
                .filter(r -> r.termName().equals("五届区委"))
                .toList();
    }

    @Test
    void theScorecardOfTheYearReadsLikeTheArticlesFirstParagraph() {
        RegionSummary district = regions.findByName("睢阳区").orElseThrow();
        LocalDate from = year.stream()
                .map(RoundSummary::entryDate)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = year.stream()
                .map(RoundSummary::entryDate)
                .max(LocalDate::compareTo)
                .orElseThrow();
        assertThat(from.getYear())
                .as("every round entered in one calendar year")
                .isEqualTo(to.getYear());
        Scorecard.Figures figures = scorecard.figures(new Selection(
                List.of(district.path() + "%"),
                "%",
                LocalDate.of(from.getYear(), 1, 1),
                LocalDate.of(from.getYear(), 12, 31),
                -1,
                null,
                LocalDate.now()));
        Map<Figure, Long> v = figures.values();
        assertThat(v.get(Figure.ROUNDS)).isEqualTo(ArticleFigures.ROUNDS);
        assertThat(v.get(Figure.LOCALITIES_INSPECTED)).isEqualTo(ArticleFigures.LOCALITIES);
        assertThat(v.get(Figure.LOCALITIES_TARGET)).isEqualTo(349);
        assertThat(Math.round(v.get(Figure.LOCALITIES_INSPECTED) * 100.0 / v.get(Figure.LOCALITIES_TARGET)))
                .isEqualTo(ArticleFigures.COVERAGE_PERCENT);
        assertThat(v.get(Figure.FINDINGS)).isEqualTo(ArticleFigures.FINDINGS);
        assertThat(v.get(Figure.FIXED_ON_THE_SPOT)).isEqualTo(ArticleFigures.FIXED_ON_THE_SPOT);
        assertThat(v.get(Figure.LEADS_TRANSFERRED)).isEqualTo(ArticleFigures.LEADS_TRANSFERRED);
        assertThat(v.get(Figure.TALK_PERSON_TIMES)).isEqualTo(ArticleFigures.PERSON_TIMES);
        assertThat(v.get(Figure.HOUSEHOLDS_VISITED)).isEqualTo(ArticleFigures.HOUSEHOLDS_VISITED);
        assertThat(v.get(Figure.NOTICES_POSTED)).isEqualTo(ArticleFigures.NOTICES_POSTED);
    }

    @Test
    void everyFieldworkRecordAndPetitionIsDatedWithinItsRoundAndNoFindingBeforeItsRoundEntered() {
        for (String[] dated : new String[][] {
            {"fieldwork.talk", "held_on"},
            {"fieldwork.household_visit", "visited_on"},
            {"fieldwork.notice_posting", "posted_on"},
            {"intake.petition", "received_on"}
        }) {
            assertThat(jdbc.sql("select count(*) from " + dated[0] + " x join planning.round r on r.id = x.round_id"
                                    + " where x." + dated[1] + " not between r.entry_date and r.exit_date")
                            .query(Long.class)
                            .single())
                    .as(dated[0] + " outside its round's fieldwork")
                    .isZero();
        }
        assertThat(jdbc.sql("select count(*) from findings.finding f join planning.round r on r.id = f.round_id"
                                + " where f.recorded_at < r.entry_date or f.recorded_at > now()")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void fiveRoundsTookTwoHundredThirteenLocalitiesSixtyOnePercentOfTheTerm() {
        assertThat(year).hasSize(ArticleFigures.ROUNDS);
        assertThat(year.stream().filter(r -> r.kind() == RoundKind.PILOT)).hasSize(1);
        assertThat(year).allMatch(r -> r.state().coversLocalities());
        Set<Long> inspected = new HashSet<>();
        for (RoundSummary r : year) {
            rounds.allLocalities(r.id()).forEach(l -> inspected.add(l.localityId()));
        }
        assertThat(inspected).hasSize(ArticleFigures.LOCALITIES);
        int total = regions.localitiesUnder(whole.regionIds(), whole).size();
        assertThat(total).isEqualTo(349);
        assertThat(Math.round(inspected.size() * 100.0 / total)).isEqualTo(ArticleFigures.COVERAGE_PERCENT);
    }

    @Test
    void problemsLeadsAndFixesOnTheSpotAreTheArticles() {
        List<FindingSummary> all = year.stream()
                .flatMap(r -> findings.approvedOfRound(r.id()).stream())
                .toList();
        assertThat(all).hasSize(ArticleFigures.FINDINGS);
        assertThat(all.stream().filter(FindingSummary::fixedOnTheSpot)).hasSize(ArticleFigures.FIXED_ON_THE_SPOT);
        long transferred = year.stream()
                .mapToLong(r -> findings.leadTally(r.id()).transferred())
                .sum();
        assertThat(transferred).isEqualTo(ArticleFigures.LEADS_TRANSFERRED);
    }

    @Test
    void talksVisitsAndNoticesAreTheArticlesAndEverySpecialHouseholdWasVisited() {
        long personTimes = 0;
        long households = 0;
        long notices = 0;
        for (RoundSummary r : year) {
            FieldworkFigures.RoundFigures f = fieldwork.ofRound(r.id(), whole, office);
            personTimes += f.personTimes();
            households += f.householdsVisited();
            notices += f.noticesPosted();
            if (r.kind() == RoundKind.REGULAR) {
                assertThat(f.specialHouseholds()).isPositive();
                assertThat(f.specialVisited()).isEqualTo(f.specialHouseholds());
                assertThat(f.specialExcused()).isZero();
            }
            assertThat(f.specialRemaining()).as(r.label()).isZero();
        }
        assertThat(personTimes).isEqualTo(ArticleFigures.PERSON_TIMES);
        assertThat(households).isEqualTo(ArticleFigures.HOUSEHOLDS_VISITED);
        assertThat(notices).isEqualTo(ArticleFigures.NOTICES_POSTED);
    }

    @Test
    void twentySevenVillagesOfWuqiangFengqiaoAndYanjiWereRevisited() {
        List<Long> townships = regions.townships(whole).stream()
                .filter(t -> ArticleFigures.REVISITED_TOWNSHIPS.contains(t.name()))
                .map(RegionSummary::id)
                .toList();
        assertThat(townships).hasSize(3);
        Set<Long> villages = regions.localitiesUnder(townships, whole).stream()
                .filter(l -> l.kind() == RegionKind.VILLAGE)
                .map(LocalitySummary::id)
                .collect(Collectors.toSet());
        List<Long> revisited = revisits.revisitedLocalities(RegionScope.of(townships));
        assertThat(revisited.stream().filter(villages::contains)).hasSize(ArticleFigures.VILLAGES_REVISITED);
        assertThat(revisits.revisitedLocalities(whole)).containsExactlyInAnyOrderElementsOf(revisited);
    }

    @Test
    void feedbackOpenedARectificationTaskForEveryApprovedProblemOfTheRegularRounds() {
        for (RoundSummary r : year) {
            if (r.kind() != RoundKind.REGULAR) {
                continue;
            }
            long approved = findings.ofRound(r.id()).stream()
                    .filter(f -> f.state() == FindingState.APPROVED)
                    .count();
            int tasks = rectifications.figures(whole, r.id().value()).stream()
                    .mapToInt(TownshipFigures::total)
                    .sum();
            assertThat(tasks).as(r.label()).isEqualTo(approved);
            List<Long> townships = rounds.allLocalities(r.id()).stream()
                    .map(RoundLocality::townshipId)
                    .distinct()
                    .toList();
            assertThat(townships).isNotEmpty();
            int closed = rectifications.figures(whole, r.id().value()).stream()
                    .mapToInt(TownshipFigures::closedOut)
                    .sum();
            if (r.entryDate().getMonthValue() == 3) {
                assertThat(closed)
                        .as("most of the first regular round's tasks closed out")
                        .isGreaterThan(tasks / 2);
            }
        }
    }
}
