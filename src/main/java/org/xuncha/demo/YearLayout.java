package org.xuncha.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the demo year's regular rounds are in the field (年度轮次安排), decided from the pilot and today — never from a
 * fixed year: the rounds follow the pilot, one after the other without overlapping, spread evenly up to the latest
 * entry day that still leaves the last round room for its fieldwork, its feedback ({@link #FEEDBACK_AFTER_EXIT} days
 * after the exit) and the first weeks of its rectification and leads before today. So every round (and every record
 * dated within a round's life) lies in the past and, with the pilot in January, every entry day — the scorecard's
 * counting day — in the current calendar year.
 *
 * <p>Early in the year there is less room: the rounds then spend fewer weeks in the field ({@link #SHORT_WEEKS}) and
 * follow each other closer; when even that does not fit between the pilot and today (before about May for a pilot in
 * January, or when the pilot itself lies in last December because the year had only just begun), there is no layout:
 * the year is not generated yet and a later start of the demo generates it.
 */
record YearLayout(List<Schedule> rounds) {

    /** One regular round's days in the field. */
    record Schedule(LocalDate entry, LocalDate exit) {}

    /** Days from a round's exit to its feedback being issued. */
    static final int FEEDBACK_AFTER_EXIT = 17;

    /** What the last round needs after its exit before today: feedback, leads transferred, rectification begun. */
    static final int ROOM_AFTER_EXIT = FEEDBACK_AFTER_EXIT + 21;

    /** The first regular round enters at least this many days after the pilot's exit. */
    static final int AFTER_PILOT = 14;

    /** Weeks in the field when the year is short. */
    static final int SHORT_WEEKS = 2;

    /**
     * The layout for rounds of the given weeks in the field (each ending on the Friday of its last week), or none when
     * they cannot all lie, with their room, between the pilot's exit and today.
     */
    static Optional<YearLayout> of(LocalDate pilotExit, LocalDate today, List<Integer> weeks) {
        return fit(pilotExit, today, weeks)
                .or(() -> fit(
                        pilotExit,
                        today,
                        weeks.stream().map(w -> Math.min(w, SHORT_WEEKS)).toList()));
    }

    private static Optional<YearLayout> fit(LocalDate pilotExit, LocalDate today, List<Integer> weeks) {
        int n = weeks.size();
        LocalDate earliest = pilotExit.plusDays(AFTER_PILOT).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int last = weeks.get(n - 1);
        LocalDate latest = today.minusDays(ROOM_AFTER_EXIT + fieldDays(last))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // each round must be out of the field before the next one enters
        int longest = weeks.stream().mapToInt(Integer::intValue).max().orElse(1);
        long span = ChronoUnit.DAYS.between(earliest, latest);
        long gap = n == 1 ? 0 : span / (n - 1);
        if (span < 0 || (n > 1 && gap < 7L * longest + 4)) {
            return Optional.empty();
        }
        List<Schedule> rounds = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            LocalDate entry = r == n - 1
                    ? latest
                    : earliest.plusDays(r * gap).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (r == 0) {
                entry = earliest;
            }
            rounds.add(new Schedule(entry, entry.plusDays(fieldDays(weeks.get(r)))));
        }
        return Optional.of(new YearLayout(rounds));
    }

    /** From the entry Monday to the Friday of the last week. */
    private static int fieldDays(int weeks) {
        return 7 * weeks - 3;
    }
}
