package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Coverage and pace of a term: the article's 213 of 349 is 61%, and the pace says whether the term will make it. */
class TermProgressTests {

    @Test
    void theArticlesFiguresGiveSixtyOnePercent() {
        TermProgress progress = new TermProgress(349, 213, 5, 365, 1461);
        assertThat(progress.percent()).isEqualTo(61);
        assertThat(progress.uncovered()).isEqualTo(136);
    }

    @Test
    void theArticlesPaceReachesFullCoverageWithinTheTerm() {
        // five rounds in the first year of a five-year term
        TermProgress progress = TermProgress.of(
                349, 213, 5, LocalDate.of(2021, 10, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2022, 10, 1));
        assertThat(progress.daysElapsed()).isEqualTo(365);
        assertThat(progress.daysRemaining()).isEqualTo(1461);
        assertThat(progress.localitiesPerRound().getAsDouble()).isEqualTo(42.6);
        assertThat(progress.daysPerRound().getAsDouble()).isEqualTo(73.0);
        assertThat(progress.roundsNeeded().getAsLong()).isEqualTo(4); // 136 / 42.6 = 3.2, so 4 more rounds
        assertThat(progress.roundsThatFit().getAsLong()).isEqualTo(20); // 1461 / 73 = 20.01
        assertThat(progress.outlook()).isEqualTo(TermProgress.Outlook.ON_PACE);
        assertThat(progress.warns()).isFalse();
    }

    @Test
    void warnsWhenThePaceCannotReachTheTarget() {
        // only the pilot (8 村居) finished, 423 days into the term
        TermProgress progress = new TermProgress(349, 8, 1, 423, 1403);
        assertThat(progress.roundsNeeded().getAsLong()).isEqualTo(43); // 341 / 8 = 42.6
        assertThat(progress.roundsThatFit().getAsLong()).isEqualTo(3); // 1403 / 423 = 3.3
        assertThat(progress.outlook()).isEqualTo(TermProgress.Outlook.BEHIND);
        assertThat(progress.warns()).isTrue();
    }

    @Test
    void hasNoPaceBeforeTheFirstRoundFinishes() {
        TermProgress progress = new TermProgress(349, 0, 0, 30, 1796);
        assertThat(progress.percent()).isZero();
        assertThat(progress.roundsNeeded()).isEmpty();
        assertThat(progress.roundsThatFit()).isEmpty();
        assertThat(progress.outlook()).isEqualTo(TermProgress.Outlook.NO_PACE_YET);
        assertThat(progress.warns()).isFalse();
    }

    @Test
    void isDoneWhenEveryLocalityIsCoveredAndMissedWhenTheTermEndsShort() {
        assertThat(new TermProgress(349, 349, 8, 900, 926).outlook()).isEqualTo(TermProgress.Outlook.COVERED);
        assertThat(new TermProgress(349, 349, 8, 900, 926).percent()).isEqualTo(100);
        TermProgress over = TermProgress.of(
                349, 340, 8, LocalDate.of(2021, 10, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 11, 28));
        assertThat(over.daysRemaining()).isZero();
        assertThat(over.outlook()).isEqualTo(TermProgress.Outlook.MISSED);
        assertThat(over.warns()).isTrue();
    }

    @Test
    void countsTheDaysOfTheTermWithTodayAsRemaining() {
        TermProgress first = TermProgress.of(
                10, 0, 0, LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 10), LocalDate.of(2021, 10, 1));
        assertThat(first.daysElapsed()).isZero();
        assertThat(first.daysRemaining()).isEqualTo(10);
        TermProgress before = TermProgress.of(
                10, 0, 0, LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 10), LocalDate.of(2021, 9, 1));
        assertThat(before.daysElapsed()).isZero();
        assertThat(before.daysRemaining()).isEqualTo(10);
    }

    @Test
    void roundsNeededAtThePaceAreJustEnoughAndRoundsThatFitNeverOverrunTheTerm() {
        Gen<int[]> coverage = integers().between(1, 50_000).zip(integers().between(0, 1000), (total, permille) ->
                new int[] {total, (int) ((long) total * permille / 1000)});
        qt().forAll(
                        coverage,
                        integers().between(1, 60),
                        integers().between(1, 2_000),
                        integers().between(0, 2_000))
                .checkAssert((c, finished, elapsed, remaining) -> {
                    int total = c[0];
                    int covered = c[1];
                    TermProgress progress = new TermProgress(total, covered, finished, elapsed, remaining);
                    assertThat(progress.percent()).isBetween(0, 100);
                    assertThat(progress.uncovered() + progress.covered()).isEqualTo(total);
                    if (covered > 0 && covered < total) {
                        long needed = progress.roundsNeeded().getAsLong();
                        double perRound = (double) covered / finished;
                        assertThat(needed * perRound).isGreaterThanOrEqualTo(progress.uncovered() - 1e-6);
                        assertThat((needed - 1) * perRound).isLessThan(progress.uncovered());
                    }
                    long fit = progress.roundsThatFit().getAsLong();
                    double daysPerRound = (double) elapsed / finished;
                    assertThat(fit * daysPerRound).isLessThanOrEqualTo(remaining + 1e-6);
                    assertThat((fit + 1) * daysPerRound).isGreaterThan(remaining);
                    assertThat(progress.warns())
                            .isEqualTo(progress.outlook() == TermProgress.Outlook.BEHIND
                                    || progress.outlook() == TermProgress.Outlook.MISSED);
                });
    }
}
