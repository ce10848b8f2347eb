package org.xuncha.inspectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * Suggests the groups of a round (建议名单). Pure and deterministic: the same request gives the same roster.
 *
 * <p>It cuts the 村居 into groups (villages and communities apart, one township unit per group where possible,
 * focused 村居 spread over the groups), then staffs them in phases — leaders, 财务/审计 for groups with a large
 * collective economy, deputies, then members one round at a time — each phase a matching in which the most
 * constrained group chooses first, people with the lightest load and no repeated pairing are preferred, and an
 * augmenting path moves an earlier choice when that lets one more group be staffed. A person is offered to a group
 * only when no recusal rule blocks them for any of its 村居, so no suggestion ever breaks one. What cannot be
 * staffed is reported with its reasons instead of failing.
 */
public final class RosterPlanner {

    private static final int LOAD_WEIGHT = 1_000;
    private static final int PAIR_WEIGHT = 400;
    private static final int NEW_EXPERTISE_BONUS = 150;
    private static final int ACCOUNTS_BONUS = 200;
    private static final int SCORE_OFFSET = 1 << 30;

    private final RosterRequest request;
    private final RecusalRules rules;
    private final List<Candidate> pool;
    private final int[] load;
    private final List<Map<Integer, Integer>> partners;
    private final int[] groupOf;
    private final List<Group> groups = new ArrayList<>();
    private final int[] scratch;

    private RosterPlanner(RosterRequest request) {
        this.request = request;
        this.rules = request.rules();
        this.pool = request.pool();
        int size = pool.size();
        this.load = new int[size];
        this.groupOf = new int[size];
        this.scratch = new int[size];
        Arrays.fill(groupOf, -1);
        Map<InspectorId, Integer> index = new HashMap<>(size * 2);
        for (int p = 0; p < size; p++) {
            if (index.put(pool.get(p).id(), p) != null) {
                throw new IllegalArgumentException(
                        "the pool lists " + pool.get(p).id() + " twice");
            }
            load[p] = request.history().loadOf(pool.get(p).id());
        }
        this.partners = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            partners.add(Map.of());
        }
        request.history().pairs().forEach((pair, times) -> {
            Integer a = index.get(pair.first());
            Integer b = index.get(pair.second());
            if (a != null && b != null && times > 0) {
                together(a).merge(b, times, Integer::sum);
                together(b).merge(a, times, Integer::sum);
            }
        });
    }

    /** Suggests a roster; never throws for a roster that cannot be completed, it reports the gaps instead. */
    public static RosterSuggestion suggest(RosterRequest request) {
        return new RosterPlanner(request).plan();
    }

    private Map<Integer, Integer> together(int person) {
        Map<Integer, Integer> map = partners.get(person);
        if (map.isEmpty()) {
            map = new HashMap<>();
            partners.set(person, map);
        }
        return map;
    }

    /** A group being staffed: indices into the pool, -1 where a role is still open. */
    private static final class Group {
        final int number;
        final List<RoundLocality> localities;
        final boolean needsAccounts;
        final int membersWanted;
        final BitSet asLeader;
        final BitSet asDeputy;
        final BitSet asMember;
        int leader = -1;
        int deputy = -1;
        final List<Integer> members = new ArrayList<>();
        final Map<Integer, Integer> lowestLoadOffered = new HashMap<>();
        final Set<Integer> placedForAccounts = new LinkedHashSet<>();
        boolean memberSearchExhausted;

        Group(int number, List<RoundLocality> localities, int membersWanted, int poolSize) {
            this.number = number;
            this.localities = localities;
            this.needsAccounts = localities.stream().anyMatch(RoundLocality::largeCollectiveEconomy);
            this.membersWanted = membersWanted;
            this.asLeader = new BitSet(poolSize);
            this.asDeputy = new BitSet(poolSize);
            this.asMember = new BitSet(poolSize);
        }

        boolean formed() {
            return leader >= 0;
        }

        List<Integer> people() {
            List<Integer> people = new ArrayList<>(members.size() + 2);
            if (leader >= 0) {
                people.add(leader);
            }
            if (deputy >= 0) {
                people.add(deputy);
            }
            people.addAll(members);
            return people;
        }
    }

    private RosterSuggestion plan() {
        List<List<RoundLocality>> parts = partition(request.localities(), request.sizing());
        for (int g = 0; g < parts.size(); g++) {
            Group group = new Group(
                    g + 1, parts.get(g), request.shape().membersFor(parts.get(g).size()), pool.size());
            markEligible(group);
            groups.add(group);
        }
        staffLeaders();
        staffAccounts();
        if (request.shape().deputy()) {
            staffDeputies();
        }
        staffMembers();
        return result();
    }

    // --- cutting the round into groups -------------------------------------------------------------------------

    /** Villages and communities apart, one township per group, N 村居 a group; then merged or split to a count. */
    static List<List<RoundLocality>> partition(List<RoundLocality> localities, GroupSizing sizing) {
        if (localities.isEmpty()) {
            return List.of();
        }
        List<RoundLocality> sorted = new ArrayList<>(localities);
        sorted.sort(Comparator.comparing((RoundLocality l) -> l.kind() == RegionKind.COMMUNITY)
                .thenComparingLong(RoundLocality::townshipId)
                .thenComparing(l -> l.intensity() != Intensity.FOCUSED)
                .thenComparingLong(RoundLocality::id));
        Map<String, List<RoundLocality>> buckets = new LinkedHashMap<>();
        for (RoundLocality locality : sorted) {
            buckets.computeIfAbsent(locality.kind() + "/" + locality.townshipId(), k -> new ArrayList<>())
                    .add(locality);
        }
        int perGroup = sizing.localitiesPerGroup() > 0
                ? sizing.localitiesPerGroup()
                : Math.max(1, (localities.size() + sizing.groups() - 1) / sizing.groups());
        List<List<RoundLocality>> chunks = new ArrayList<>();
        for (List<RoundLocality> bucket : buckets.values()) {
            int count = (bucket.size() + perGroup - 1) / perGroup;
            List<List<RoundLocality>> cut = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                cut.add(new ArrayList<>());
            }
            // round robin over focused-first order spreads the focused 村居 evenly over the township's groups
            for (int i = 0; i < bucket.size(); i++) {
                cut.get(i % count).add(bucket.get(i));
            }
            chunks.addAll(cut);
        }
        if (sizing.groups() > 0) {
            while (chunks.size() > sizing.groups()) {
                mergeSmallest(chunks);
            }
            while (chunks.size() < sizing.groups() && splitLargest(chunks)) {
                // keeps splitting until the count is reached or no group has two 村居 left
            }
        }
        return chunks;
    }

    private static void mergeSmallest(List<List<RoundLocality>> chunks) {
        int smallest = 0;
        for (int i = 1; i < chunks.size(); i++) {
            if (chunks.get(i).size() < chunks.get(smallest).size()) {
                smallest = i;
            }
        }
        List<RoundLocality> chunk = chunks.get(smallest);
        RegionKind kind = chunk.get(0).kind();
        int partner = -1;
        for (int i = 0; i < chunks.size(); i++) {
            if (i == smallest) {
                continue;
            }
            boolean sameKind = chunks.get(i).get(0).kind() == kind;
            boolean partnerSameKind = partner >= 0 && chunks.get(partner).get(0).kind() == kind;
            if (partner < 0
                    || (sameKind && !partnerSameKind)
                    || (sameKind == partnerSameKind
                            && chunks.get(i).size() < chunks.get(partner).size())) {
                partner = i;
            }
        }
        chunks.get(partner).addAll(chunk);
        chunks.remove(smallest);
    }

    private static boolean splitLargest(List<List<RoundLocality>> chunks) {
        int largest = 0;
        for (int i = 1; i < chunks.size(); i++) {
            if (chunks.get(i).size() > chunks.get(largest).size()) {
                largest = i;
            }
        }
        List<RoundLocality> chunk = chunks.get(largest);
        if (chunk.size() < 2) {
            return false;
        }
        List<RoundLocality> first = new ArrayList<>();
        List<RoundLocality> second = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            (i % 2 == 0 ? first : second).add(chunk.get(i));
        }
        chunks.set(largest, first);
        chunks.add(largest + 1, second);
        return true;
    }

    // --- eligibility -------------------------------------------------------------------------------------------

    private void markEligible(Group group) {
        for (int p = 0; p < pool.size(); p++) {
            Candidate person = pool.get(p);
            if (person.tier() == Tier.LEADER_TIER) {
                boolean leader = rules.permitsAll(person, GroupRole.LEADER, group.localities);
                // only rotation depends on the role, so the deputy check is needed only for last round's people
                boolean deputy = rules.servedInPreviousRound(person.id())
                        ? rules.permitsAll(person, GroupRole.DEPUTY, group.localities)
                        : leader;
                group.asLeader.set(p, leader);
                group.asDeputy.set(p, deputy);
            } else {
                group.asMember.set(p, rules.permitsAll(person, GroupRole.MEMBER, group.localities));
            }
        }
    }

    // --- staffing phases ---------------------------------------------------------------------------------------

    private void staffLeaders() {
        List<Group> open = new ArrayList<>(groups);
        int[] chosen = match(open, group -> group.asLeader, (group, p) -> 0);
        for (int s = 0; s < open.size(); s++) {
            if (chosen[s] >= 0) {
                place(open.get(s), chosen[s], GroupRole.LEADER);
            }
        }
    }

    private void staffAccounts() {
        List<Group> open = groups.stream()
                .filter(g -> g.formed() && g.needsAccounts && !readsAccounts(g))
                .filter(g -> g.membersWanted > 0 || request.shape().deputy())
                .collect(Collectors.toCollection(ArrayList::new));
        if (open.isEmpty()) {
            return;
        }
        boolean deputies = request.shape().deputy();
        int[] chosen = match(
                open,
                group -> {
                    BitSet allowed = new BitSet(pool.size());
                    if (group.membersWanted > 0) {
                        allowed.or(group.asMember);
                    }
                    if (deputies) {
                        allowed.or(group.asDeputy);
                    }
                    for (int p = allowed.nextSetBit(0); p >= 0; p = allowed.nextSetBit(p + 1)) {
                        if (!pool.get(p).readsAccounts()) {
                            allowed.clear(p);
                        }
                    }
                    return allowed;
                },
                (group, p) -> pool.get(p).tier() == Tier.LEADER_TIER ? LOAD_WEIGHT / 2 : 0);
        for (int s = 0; s < open.size(); s++) {
            if (chosen[s] >= 0) {
                Group group = open.get(s);
                int person = chosen[s];
                place(group, person, pool.get(person).tier() == Tier.LEADER_TIER ? GroupRole.DEPUTY : GroupRole.MEMBER);
                group.placedForAccounts.add(person);
            }
        }
    }

    private void staffDeputies() {
        List<Group> open = groups.stream()
                .filter(g -> g.formed() && g.deputy < 0)
                .collect(Collectors.toCollection(ArrayList::new));
        int[] chosen = match(open, group -> group.asDeputy, (group, p) -> 0);
        for (int s = 0; s < open.size(); s++) {
            if (chosen[s] >= 0) {
                place(open.get(s), chosen[s], GroupRole.DEPUTY);
            }
        }
    }

    /** One member per group per pass, so that scarce people are shared out rather than taken by the first groups. */
    private void staffMembers() {
        while (true) {
            List<Group> open = groups.stream()
                    .filter(g -> g.formed() && !g.memberSearchExhausted && g.members.size() < g.membersWanted)
                    .collect(Collectors.toCollection(ArrayList::new));
            if (open.isEmpty()) {
                return;
            }
            int[] chosen = match(open, group -> group.asMember, (group, p) -> 0);
            for (int s = 0; s < open.size(); s++) {
                if (chosen[s] >= 0) {
                    place(open.get(s), chosen[s], GroupRole.MEMBER);
                } else {
                    open.get(s).memberSearchExhausted = true;
                }
            }
        }
    }

    private void place(Group group, int person, GroupRole role) {
        groupOf[person] = group.number;
        switch (role) {
            case LEADER -> group.leader = person;
            case DEPUTY -> group.deputy = person;
            default -> group.members.add(person);
        }
    }

    private boolean readsAccounts(Group group) {
        for (int person : group.people()) {
            if (pool.get(person).readsAccounts()) {
                return true;
            }
        }
        return false;
    }

    /** Extra cost of a person for a group in one phase (lower is better). */
    private interface PhaseCost {
        int of(Group group, int person);
    }

    /** Who may fill a group's slot in one phase, before taking out people already placed. */
    private interface Offer {
        BitSet of(Group group);
    }

    /**
     * Fills one slot per group: each group ranks the people still free that it may take; the group with the fewest
     * choices picks first; then, for each group left empty, an augmenting path (Kuhn) lets it take someone an earlier
     * group can replace. Returns the chosen person per group, or -1.
     */
    private int[] match(List<Group> slots, Offer offer, PhaseCost cost) {
        int[][] preferences = new int[slots.size()][];
        int[] lowestLoad = new int[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            preferences[s] = rank(slots.get(s), offer.of(slots.get(s)), cost);
            lowestLoad[s] = preferences[s].length == 0
                    ? 0
                    : Arrays.stream(preferences[s]).map(p -> load[p]).min().orElse(0);
        }
        Integer[] order = new Integer[slots.size()];
        for (int s = 0; s < order.length; s++) {
            order[s] = s;
        }
        Arrays.sort(
                order,
                Comparator.comparingInt((Integer s) -> preferences[s].length).thenComparingInt(s -> s));
        int[] chosen = new int[slots.size()];
        Arrays.fill(chosen, -1);
        Map<Integer, Integer> slotOf = new HashMap<>();
        for (int s : order) {
            for (int person : preferences[s]) {
                if (!slotOf.containsKey(person)) {
                    slotOf.put(person, s);
                    chosen[s] = person;
                    break;
                }
            }
        }
        // a search that fails changes nothing, so the people it visited stay dead ends until a search succeeds
        BitSet visited = new BitSet(pool.size());
        for (int s : order) {
            if (chosen[s] < 0 && preferences[s].length > 0 && augment(s, preferences, chosen, slotOf, visited)) {
                visited.clear();
            }
        }
        for (int s = 0; s < slots.size(); s++) {
            if (chosen[s] >= 0) {
                slots.get(s).lowestLoadOffered.put(chosen[s], lowestLoad[s]);
            }
        }
        return chosen;
    }

    private boolean augment(int slot, int[][] preferences, int[] chosen, Map<Integer, Integer> slotOf, BitSet visited) {
        for (int person : preferences[slot]) {
            if (visited.get(person)) {
                continue;
            }
            visited.set(person);
            Integer holder = slotOf.get(person);
            if (holder == null || augment(holder, preferences, chosen, slotOf, visited)) {
                slotOf.put(person, slot);
                chosen[slot] = person;
                return true;
            }
        }
        return false;
    }

    /** The free people a group may take, best first: lightest load, fewest past pairings with the group, new expertise. */
    private int[] rank(Group group, BitSet offered, PhaseCost cost) {
        List<Integer> current = group.people();
        List<Integer> touched = new ArrayList<>();
        for (int member : current) {
            partners.get(member).forEach((other, times) -> {
                if (scratch[other] == 0) {
                    touched.add(other);
                }
                scratch[other] += times;
            });
        }
        EnumSet<Expertise> covered = EnumSet.noneOf(Expertise.class);
        current.forEach(member -> covered.addAll(pool.get(member).expertise()));
        long[] keys = new long[offered.cardinality()];
        int n = 0;
        for (int p = offered.nextSetBit(0); p >= 0; p = offered.nextSetBit(p + 1)) {
            if (groupOf[p] >= 0) {
                continue;
            }
            Candidate person = pool.get(p);
            long score = (long) load[p] * LOAD_WEIGHT + (long) scratch[p] * PAIR_WEIGHT + cost.of(group, p);
            if (!covered.containsAll(person.expertise())) {
                score -= NEW_EXPERTISE_BONUS;
            }
            if (group.needsAccounts
                    && person.readsAccounts()
                    && !covered.contains(Expertise.FINANCE)
                    && !covered.contains(Expertise.AUDIT)) {
                score -= ACCOUNTS_BONUS;
            }
            keys[n++] = ((Math.min(Math.max(score, -SCORE_OFFSET), SCORE_OFFSET - 1) + SCORE_OFFSET) << 31) | p;
        }
        touched.forEach(p -> scratch[p] = 0);
        Arrays.sort(keys, 0, n);
        int[] ranked = new int[n];
        for (int i = 0; i < n; i++) {
            ranked[i] = (int) (keys[i] & Integer.MAX_VALUE);
        }
        return ranked;
    }

    // --- the result with its reasons ---------------------------------------------------------------------------

    private RosterSuggestion result() {
        List<SuggestedGroup> suggested = new ArrayList<>();
        List<StaffingGap> gaps = new ArrayList<>();
        for (Group group : groups) {
            if (!group.formed()) {
                gaps.add(new StaffingGap(
                        group.number,
                        GroupRole.LEADER,
                        group.localities,
                        true,
                        unstaffedReasons(group, GroupRole.LEADER, "roster.gap.noLeader")));
                continue;
            }
            List<RosterPlacement> people = new ArrayList<>();
            List<Integer> indices = group.people();
            for (int i = 0; i < indices.size(); i++) {
                int p = indices.get(i);
                GroupRole role =
                        p == group.leader ? GroupRole.LEADER : p == group.deputy ? GroupRole.DEPUTY : GroupRole.MEMBER;
                people.add(new RosterPlacement(
                        pool.get(p).id(), pool.get(p).name(), role, reasons(group, p, role, indices.subList(0, i))));
            }
            RosterPlacement leader = people.get(0);
            RosterPlacement deputy = group.deputy >= 0 ? people.get(1) : null;
            suggested.add(new SuggestedGroup(
                    group.number,
                    group.localities,
                    leader,
                    deputy,
                    people.subList(deputy == null ? 1 : 2, people.size())));
            if (request.shape().deputy() && group.deputy < 0) {
                gaps.add(new StaffingGap(
                        group.number,
                        GroupRole.DEPUTY,
                        group.localities,
                        false,
                        unstaffedReasons(group, GroupRole.DEPUTY, "roster.gap.noDeputy")));
            }
            if (group.members.size() < request.shape().minMembers()) {
                List<Reason> reasons = new ArrayList<>();
                reasons.add(Reason.of(
                        "roster.gap.members",
                        group.members.size(),
                        request.shape().minMembers()));
                reasons.addAll(unstaffedReasons(group, GroupRole.MEMBER, null));
                gaps.add(new StaffingGap(group.number, GroupRole.MEMBER, group.localities, false, reasons));
            }
            if (group.needsAccounts && !readsAccounts(group)) {
                gaps.add(new StaffingGap(
                        group.number,
                        GroupRole.MEMBER,
                        group.localities,
                        false,
                        List.of(Reason.of("roster.gap.noAccounts", names(largeEconomies(group))))));
            }
        }
        return new RosterSuggestion(suggested, gaps);
    }

    private List<Reason> reasons(Group group, int person, GroupRole role, List<Integer> before) {
        Candidate candidate = pool.get(person);
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(role == GroupRole.MEMBER ? "roster.reason.memberTier" : "roster.reason.leaderTier"));
        if (group.placedForAccounts.contains(person)) {
            reasons.add(Reason.of("roster.reason.accounts", names(largeEconomies(group))));
        }
        EnumSet<Expertise> covered = EnumSet.noneOf(Expertise.class);
        before.forEach(p -> covered.addAll(pool.get(p).expertise()));
        candidate.expertise().stream()
                .filter(e -> !covered.contains(e))
                .sorted()
                .limit(2)
                .forEach(e -> reasons.add(Reason.of("roster.reason.brings." + e.name())));
        Integer lowest = group.lowestLoadOffered.get(person);
        reasons.add(
                lowest != null && load[person] <= lowest
                        ? Reason.of("roster.reason.lowestLoad", load[person])
                        : Reason.of("roster.reason.load", load[person]));
        List<String> pairedWith = new ArrayList<>();
        for (int other : group.people()) {
            if (other != person && partners.get(person).containsKey(other)) {
                pairedWith.add(pool.get(other).name());
            }
        }
        reasons.add(
                pairedWith.isEmpty()
                        ? Reason.of("roster.reason.newPairs")
                        : Reason.of("roster.reason.repeatedPairs", String.join("、", pairedWith)));
        List<String> exempted = new ArrayList<>();
        for (RoundLocality locality : group.localities) {
            for (RecusalViolation violation : rules.check(candidate, role, locality)) {
                if (violation.exemption() != null) {
                    exempted.add(violation.exemption().reason());
                }
            }
        }
        Set<String> townships = new LinkedHashSet<>();
        group.localities.forEach(l -> townships.add(l.townshipName()));
        reasons.add(
                exempted.isEmpty()
                        ? Reason.of("roster.reason.noRecusal", String.join("、", townships))
                        : Reason.of("roster.reason.exempted", String.join("；", new LinkedHashSet<>(exempted))));
        if (rules.policy().enforces(RecusalRule.UNAVAILABLE)) {
            reasons.add(Reason.of(
                    "roster.reason.available",
                    rules.roundDates().from().toString(),
                    rules.roundDates().to().toString()));
        }
        return reasons;
    }

    /**
     * Why a role stays open: how many of the tier exist, how many a recusal rule keeps out (by the first rule that
     * bites) and how many could serve but are already placed in another group.
     */
    private List<Reason> unstaffedReasons(Group group, GroupRole role, @Nullable String headline) {
        Tier tier = role.tier();
        BitSet eligible =
                role == GroupRole.LEADER ? group.asLeader : role == GroupRole.DEPUTY ? group.asDeputy : group.asMember;
        int inTier = 0;
        int taken = 0;
        Map<RecusalRule, Integer> blocked = new EnumMap<>(RecusalRule.class);
        for (int p = 0; p < pool.size(); p++) {
            Candidate person = pool.get(p);
            if (person.tier() != tier) {
                continue;
            }
            inTier++;
            if (eligible.get(p)) {
                taken++;
                continue;
            }
            firstBlockingRule(person, role, group.localities).ifPresent(rule -> blocked.merge(rule, 1, Integer::sum));
        }
        List<Reason> reasons = new ArrayList<>();
        if (headline != null) {
            reasons.add(Reason.of(headline, names(group.localities), inTier));
        }
        blocked.forEach((rule, count) -> reasons.add(Reason.of("roster.gap.blocked." + rule.name(), count)));
        if (taken > 0) {
            reasons.add(Reason.of("roster.gap.taken", taken));
        }
        return reasons;
    }

    private Optional<RecusalRule> firstBlockingRule(Candidate person, GroupRole role, List<RoundLocality> localities) {
        for (RoundLocality locality : localities) {
            for (RecusalViolation violation : rules.check(person, role, locality)) {
                if (violation.blocks()) {
                    return Optional.of(violation.rule());
                }
            }
        }
        return Optional.empty();
    }

    private static List<RoundLocality> largeEconomies(Group group) {
        return group.localities.stream()
                .filter(RoundLocality::largeCollectiveEconomy)
                .toList();
    }

    private static String names(List<RoundLocality> localities) {
        return localities.stream()
                .map(RoundLocality::name)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("、"));
    }
}
