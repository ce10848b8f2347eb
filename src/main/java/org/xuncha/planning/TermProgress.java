package org.xuncha.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * 届期进度: how much of a term's target is reached and whether the pace so far reaches it. Coverage counts each 村居
 * once, as soon as a round that took it has finished its fieldwork (the article: 213 of 349, 61%). The pace takes the
 * finished pilot and regular rounds (回头看 adds no coverage): 村居 per round gives the rounds still needed, days of
 * the term per round gives the rounds that fit in the time left.
 *
 * @param total 村居 of the term's district
 * @param covered 村居 covered so far
 * @param finishedRounds pilot and regular rounds whose fieldwork is finished
 * @param daysElapsed days of the term gone by
 * @param daysRemaining days of the term still to come, today included
 */
record TermProgress(int total, int covered, int finishedRounds, long daysElapsed, long daysRemaining) {

    /** Whether the target is in reach at the pace so far. */
    enum Outlook {
        /** Every 村居 is covered. */
        COVERED,
        /** The rounds still needed fit in the time left. */
        ON_PACE,
        /** More rounds are needed than fit in the time left: the office must speed up. */
        BEHIND,
        /** No round has finished its fieldwork yet, so there is no pace to go by. */
        NO_PACE_YET,
        /** The term is over and some 村居 were never inspected. */
        MISSED
    }

    TermProgress {
        if (total < 0 || covered < 0 || covered > total || finishedRounds < 0 || daysElapsed < 0 || daysRemaining < 0) {
            throw new IllegalArgumentException("inconsistent progress " + covered + "/" + total);
        }
    }

    static TermProgress of(
            int total, int covered, int finishedRounds, LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        LocalDate clamped = today.isBefore(startsOn) ? startsOn : today.isAfter(endsOn) ? endsOn.plusDays(1) : today;
        return new TermProgress(
                total,
                covered,
                finishedRounds,
                ChronoUnit.DAYS.between(startsOn, clamped),
                ChronoUnit.DAYS.between(clamped, endsOn.plusDays(1)));
    }

    public int uncovered() {
        return total - covered;
    }

    /** Whole per cent, rounded half up: 213 of 349 is 61%. */
    public int percent() {
        if (total == 0) {
            return 0;
        }
        return BigDecimal.valueOf(covered * 100L)
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP)
                .intValue();
    }

    /** 村居 covered per finished round. */
    public OptionalDouble localitiesPerRound() {
        return finishedRounds == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) covered / finishedRounds);
    }

    /** Days of the term gone by per finished round. */
    public OptionalDouble daysPerRound() {
        return finishedRounds == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) daysElapsed / finishedRounds);
    }

    /** Rounds still needed at the pace so far to cover every remaining 村居. */
    public OptionalLong roundsNeeded() {
        if (uncovered() == 0) {
            return OptionalLong.of(0);
        }
        if (finishedRounds == 0 || covered == 0) {
            return OptionalLong.empty();
        }
        // rounds = ceil(uncovered / (covered / finished)) in integers
        return OptionalLong.of(((long) uncovered() * finishedRounds + covered - 1) / covered);
    }

    /** Rounds that fit in the days left, at the days per round so far. */
    public OptionalLong roundsThatFit() {
        if (finishedRounds == 0) {
            return OptionalLong.empty();
        }
        if (daysElapsed == 0) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
        // floor(remaining / (elapsed / finished)) in integers
        return OptionalLong.of(daysRemaining * finishedRounds / daysElapsed);
    }

    public Outlook outlook() {
        if (uncovered() == 0) {
            return Outlook.COVERED;
        }
        if (daysRemaining == 0) {
            return Outlook.MISSED;
        }
        OptionalLong needed = roundsNeeded();
        if (needed.isEmpty()) {
            return Outlook.NO_PACE_YET;
        }
        return needed.getAsLong() <= roundsThatFit().orElse(0) ? Outlook.ON_PACE : Outlook.BEHIND;
    }

    /** Whether the page should warn that the target will not be reached at this pace. */
    public boolean warns() {
        return outlook() == Outlook.BEHIND || outlook() == Outlook.MISSED;
    }
}
