package org.xuncha.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * What the round planner shows: step 1, the township units of the term's district with their 村 and 社区 and how many
 * are covered; step 2, the 村居 of the chosen townships grouped by kind, each with its intensity, planned days,
 * whether it is covered or taken by an unfinished round, and whether it is selected. A regular or pilot round
 * preselects the 村居 not yet covered, a 回头看 those already covered; 村居 in an unfinished round cannot be chosen.
 */
@Component
class RoundPlanner {

    /** A township unit of step 1. */
    record TownshipOption(RegionSummary township, long villages, long communities, long covered, boolean chosen) {

        public long localities() {
            return villages + communities;
        }
    }

    /** A 村居 of step 2. */
    record LocalityOption(
            LocalitySummary locality,
            int plannedDays,
            boolean covered,
            @Nullable String openRound,
            boolean selected) {}

    /** A chosen township of step 2 with its 村 and its 社区. */
    record TownshipGroup(RegionSummary township, Map<RegionKind, List<LocalityOption>> byKind) {}

    /** Both steps. */
    record View(
            List<TownshipOption> townships,
            List<TownshipGroup> groups,
            long selected,
            long selectedFocused,
            long selectedExpedited) {}

    private final Regions regions;
    private final InspectionRounds rounds;
    private final PlannedDays plannedDays;

    RoundPlanner(Regions regions, InspectionRounds rounds, PlannedDays plannedDays) {
        this.regions = regions;
        this.rounds = rounds;
        this.plannedDays = plannedDays;
    }

    /**
     * @param selection the 村居 the user has selected, or null to preselect by the kind of round
     */
    @Transactional(readOnly = true)
    View view(
            Term term,
            RoundKind kind,
            Collection<Long> chosenTownships,
            @Nullable Collection<Long> selection,
            RegionScope scope) {
        List<LocalitySummary> district = regions.localitiesUnder(List.of(term.districtId()), scope);
        Set<Long> covered = rounds.coveredLocalities(term.id());
        Map<Long, List<LocalitySummary>> byTownship = district.stream()
                .collect(Collectors.groupingBy(LocalitySummary::townshipId, LinkedHashMap::new, Collectors.toList()));
        Set<Long> chosen = new HashSet<>(chosenTownships);
        List<TownshipOption> townships = new ArrayList<>();
        List<RegionSummary> chosenSummaries = new ArrayList<>();
        for (RegionSummary township : regions.townships(scope)) {
            if (!township.path().startsWith(term.districtPath())) {
                continue;
            }
            List<LocalitySummary> of = byTownship.getOrDefault(township.id(), List.of());
            townships.add(new TownshipOption(
                    township,
                    of.stream().filter(l -> l.kind() == RegionKind.VILLAGE).count(),
                    of.stream().filter(l -> l.kind() == RegionKind.COMMUNITY).count(),
                    of.stream().filter(l -> covered.contains(l.id())).count(),
                    chosen.contains(township.id())));
            if (chosen.contains(township.id())) {
                chosenSummaries.add(township);
            }
        }
        List<Long> candidateIds = chosenSummaries.stream()
                .flatMap(t -> byTownship.getOrDefault(t.id(), List.of()).stream())
                .map(LocalitySummary::id)
                .toList();
        Map<Long, RoundSummary> open = rounds.openRoundsOf(candidateIds, term.id());
        @Nullable Set<Long> selected = selection == null ? null : new HashSet<>(selection);
        List<TownshipGroup> groups = new ArrayList<>();
        long count = 0;
        long focused = 0;
        for (RegionSummary township : chosenSummaries) {
            Map<RegionKind, List<LocalityOption>> byKind = new LinkedHashMap<>();
            for (RegionKind localityKind : List.of(RegionKind.VILLAGE, RegionKind.COMMUNITY)) {
                List<LocalityOption> options = new ArrayList<>();
                for (LocalitySummary l : byTownship.getOrDefault(township.id(), List.of())) {
                    if (l.kind() != localityKind) {
                        continue;
                    }
                    boolean isCovered = covered.contains(l.id());
                    RoundSummary openRound = open.get(l.id());
                    boolean isSelected = openRound == null
                            && (selected != null
                                    ? selected.contains(l.id())
                                    : (kind == RoundKind.REVISIT) == isCovered);
                    options.add(new LocalityOption(
                            l,
                            plannedDays.of(l.intensity()),
                            isCovered,
                            openRound == null ? null : openRound.label(),
                            isSelected));
                    if (isSelected) {
                        count++;
                        focused += l.intensity() == Intensity.FOCUSED ? 1 : 0;
                    }
                }
                if (!options.isEmpty()) {
                    byKind.put(localityKind, options);
                }
            }
            groups.add(new TownshipGroup(township, byKind));
        }
        return new View(townships, groups, count, focused, count - focused);
    }
}
