package org.xuncha.inspectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the roster suggestion for the article's district (45 村居, 180 people) and for a province (1,000 村居, 10,000
 * people), against a baseline measured in the same run: one recusal check of every person against every 村居.
 * Not a test: run it with {@code benchmark/roster.sh}.
 */
public final class RosterBenchmark {

    /** A round of {@code localities} 村居 in {@code roundTownships} of {@code townships}, and a pool from all of them. */
    private record Case(
            String name,
            int townships,
            int roundTownships,
            int localities,
            int leaders,
            int members,
            int warmups,
            int runs,
            long limitMillis) {}

    private static final List<Case> CASES = List.of(
            new Case("district (睢阳区)", 19, 3, 45, 80, 100, 50, 21, 2_000),
            new Case("province", 1_000, 60, 1_000, 4_000, 6_000, 2, 5, 30_000));

    private RosterBenchmark() {}

    public static void main(String[] args) {
        boolean ok = true;
        System.out.printf(
                Locale.ROOT,
                "%-18s %8s %8s %12s %12s %8s %8s%n",
                "case",
                "村居",
                "people",
                "roster ms",
                "baseline ms",
                "ratio",
                "limit");
        for (Case c : CASES) {
            RosterScenario scenario = RosterScenario.generate(
                    20_260_401L,
                    c.townships(),
                    c.roundTownships(),
                    c.localities(),
                    c.leaders(),
                    c.members(),
                    15,
                    false);
            RosterRequest request = scenario.request();
            List<Long> roster = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            RosterSuggestion last = null;
            for (int i = 0; i < c.warmups() + c.runs(); i++) {
                long start = System.nanoTime();
                last = RosterPlanner.suggest(request);
                long rosterNanos = System.nanoTime() - start;
                start = System.nanoTime();
                long permitted = checkEveryPair(scenario);
                long baselineNanos = System.nanoTime() - start;
                if (permitted < 0) {
                    throw new IllegalStateException();
                }
                if (i >= c.warmups()) {
                    roster.add(rosterNanos);
                    baseline.add(baselineNanos);
                }
            }
            double rosterMs = median(roster) / 1e6;
            double baselineMs = median(baseline) / 1e6;
            boolean within = rosterMs < c.limitMillis();
            ok &= within;
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %8d %8d %12.1f %12.1f %8.2f %8s%n",
                    c.name(),
                    c.localities(),
                    c.leaders() + c.members(),
                    rosterMs,
                    baselineMs,
                    rosterMs / baselineMs,
                    (within ? "< " : "OVER ") + c.limitMillis() / 1000 + " s");
            System.out.printf(
                    Locale.ROOT,
                    "%-18s groups %d, people placed %d, gaps %d, 村居 unassigned %d%n",
                    "",
                    last.groups().size(),
                    last.groups().stream().mapToInt(g -> g.people().size()).sum(),
                    last.gaps().size(),
                    last.unassignedLocalities().size());
        }
        System.out.println("medians of 21 (district) and 5 (province) runs after warm-ups;"
                + " ratio = roster / baseline (every person × 村居 checked once)");
        if (!ok) {
            System.exit(1);
        }
    }

    /** The baseline: every person checked once against every 村居 of the round, in the role of their tier. */
    private static long checkEveryPair(RosterScenario scenario) {
        long permitted = 0;
        for (Candidate person : scenario.pool()) {
            GroupRole role = person.tier() == Tier.LEADER_TIER ? GroupRole.LEADER : GroupRole.MEMBER;
            for (RoundLocality locality : scenario.localities()) {
                if (scenario.rules().permits(person, role, locality)) {
                    permitted++;
                }
            }
        }
        return permitted;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
