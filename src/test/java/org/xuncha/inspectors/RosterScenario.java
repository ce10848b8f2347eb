package org.xuncha.inspectors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * A random round and pool for property tests and the benchmark: townships, 村居, people with work and home
 * townships, relatives, unavailability, manual recusals, last round's placements, exceptions and history.
 */
record RosterScenario(
        List<RoundLocality> localities,
        List<Candidate> pool,
        RecusalRules rules,
        ServiceHistory history,
        GroupSizing sizing,
        GroupShape shape) {

    static final DateRange ROUND = new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

    RosterRequest request() {
        return new RosterRequest(localities, sizing, pool, rules, history, shape);
    }

    /**
     * @param recusalPercent how likely each recusal fact is, so scenarios range from easy to impossible
     */
    static RosterScenario generate(
            long seed,
            int townships,
            int localityCount,
            int leaders,
            int members,
            int recusalPercent,
            boolean randomShape) {
        return generate(seed, townships, townships, localityCount, leaders, members, recusalPercent, randomShape);
    }

    /** @param roundTownships the round takes 村居 of this many of the townships; people come from all of them */
    static RosterScenario generate(
            long seed,
            int townships,
            int roundTownships,
            int localityCount,
            int leaders,
            int members,
            int recusalPercent,
            boolean randomShape) {
        Random random = new Random(seed);
        List<RoundLocality> localities = new ArrayList<>();
        for (int i = 0; i < localityCount; i++) {
            int township = random.nextInt(roundTownships);
            boolean community = random.nextInt(5) == 0;
            localities.add(new RoundLocality(
                    100_000 + i,
                    (community ? "社区" : "村") + i,
                    1_000 + township,
                    "乡镇" + township,
                    community ? RegionKind.COMMUNITY : RegionKind.VILLAGE,
                    random.nextInt(3) == 0 ? Intensity.FOCUSED : Intensity.EXPEDITED,
                    random.nextInt(6) == 0));
        }
        List<Candidate> pool = new ArrayList<>();
        List<PreviousPlacement> previous = new ArrayList<>();
        List<RecusalExemption> exemptions = new ArrayList<>();
        Map<InspectorId, Integer> load = new HashMap<>();
        Map<InspectorPair, Integer> pairs = new HashMap<>();
        Expertise[] tags = Expertise.values();
        for (int p = 0; p < leaders + members; p++) {
            InspectorId id = new InspectorId(1 + p);
            Tier tier = p < leaders ? Tier.LEADER_TIER : Tier.MEMBER_TIER;
            Set<Expertise> expertise = EnumSet.noneOf(Expertise.class);
            for (int t = random.nextInt(3); t > 0; t--) {
                expertise.add(tags[random.nextInt(tags.length)]);
            }
            Long work = chance(random, 70) ? (long) (1_000 + random.nextInt(townships)) : null;
            Long home = chance(random, 80) ? (long) (1_000 + random.nextInt(townships)) : null;
            List<Candidate.DeclaredRelative> relatives = new ArrayList<>();
            if (chance(random, recusalPercent) && localityCount > 0) {
                for (int r = 1 + random.nextInt(2); r > 0; r--) {
                    relatives.add(new Candidate.DeclaredRelative(
                            localities.get(random.nextInt(localityCount)).id(), "亲属"));
                }
            }
            List<Candidate.Unavailability> away = new ArrayList<>();
            if (chance(random, recusalPercent / 2)) {
                LocalDate from = ROUND.from().plusDays(random.nextInt(80) - 40);
                away.add(new Candidate.Unavailability(new DateRange(from, from.plusDays(random.nextInt(20))), "外出"));
            }
            List<Candidate.ManualRecusal> manual = new ArrayList<>();
            if (chance(random, recusalPercent / 2)) {
                long region = random.nextBoolean() || localityCount == 0
                        ? 1_000 + random.nextInt(townships)
                        : localities.get(random.nextInt(localityCount)).id();
                manual.add(new Candidate.ManualRecusal(region, "利害关系"));
            }
            pool.add(new Candidate(id, "人员" + p, tier, expertise, work, home, relatives, away, manual));
            if (chance(random, recusalPercent)) {
                GroupRole role = tier == Tier.MEMBER_TIER
                        ? GroupRole.MEMBER
                        : random.nextBoolean() ? GroupRole.LEADER : GroupRole.DEPUTY;
                previous.add(new PreviousPlacement(id, 1_000 + random.nextInt(townships), role));
            }
            if (chance(random, 10)) {
                RecusalRule rule = RecusalRule.values()[random.nextInt(RecusalRule.values().length)];
                exemptions.add(new RecusalExemption(id, 1_000 + random.nextInt(townships), rule, "经研究同意"));
            }
            load.put(id, random.nextInt(4));
        }
        for (int i = 0; i < pool.size() && pool.size() > 1; i++) {
            InspectorId a = pool.get(random.nextInt(pool.size())).id();
            InspectorId b = pool.get(random.nextInt(pool.size())).id();
            if (!a.equals(b)) {
                pairs.merge(InspectorPair.of(a, b), 1, Integer::sum);
            }
        }
        Set<RecusalRule> enabled = EnumSet.noneOf(RecusalRule.class);
        for (RecusalRule rule : RecusalRule.values()) {
            if (!randomShape || chance(random, 85)) {
                enabled.add(rule);
            }
        }
        GroupSizing sizing = GroupSizing.perGroup(3);
        GroupShape shape = GroupShape.standard();
        if (randomShape) {
            sizing = random.nextBoolean()
                    ? GroupSizing.perGroup(1 + random.nextInt(5))
                    : GroupSizing.groups(1 + random.nextInt(12));
            int min = random.nextInt(4);
            shape = new GroupShape(random.nextBoolean(), min, min + random.nextInt(5 - min));
        }
        RecusalRules rules = new RecusalRules(new RecusalPolicy(enabled), ROUND, previous, exemptions);
        return new RosterScenario(localities, pool, rules, new ServiceHistory(load, pairs), sizing, shape);
    }

    private static boolean chance(Random random, int percent) {
        return random.nextInt(100) < percent;
    }
}
