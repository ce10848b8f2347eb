package org.xuncha.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xuncha.inspectors.Candidate;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.inspectors.RosterSuggestion;
import org.xuncha.inspectors.SuggestedGroup;

/** What the round page shows of the groups: the roster, a suggestion to accept, the pool to replace from. */
@Component
class RoundGroupsView {

    /** A group as the round page shows it: the group and its 村居 (as far as the caller sees them). */
    record GroupView(RoundRoster.Group group, List<RoundLocality> localities) {}

    /** A person of the pool to choose as a replacement. */
    record PoolOption(long id, String label) {}

    private final InspectionGroups groups;
    private final GroupPlanning planning;
    private final InspectorPool pool;

    RoundGroupsView(InspectionGroups groups, GroupPlanning planning, InspectorPool pool) {
        this.groups = groups;
        this.planning = planning;
        this.pool = pool;
    }

    void addRoster(Model model, InspectionRound round, Term term, RoundRoster roster, List<RoundLocality> visible) {
        List<GroupView> views = new ArrayList<>();
        for (RoundRoster.Group group : roster.groups()) {
            views.add(new GroupView(
                    group,
                    visible.stream()
                            .filter(l -> group.localityIds().contains(l.localityId()))
                            .toList()));
        }
        Set<Long> assigned = roster.assignments().keySet();
        model.addAttribute("roster", views);
        model.addAttribute(
                "unassigned",
                roster.isEmpty()
                        ? List.of()
                        : visible.stream()
                                .filter(l -> !assigned.contains(l.localityId()))
                                .toList());
        model.addAttribute("perGroup", GroupPlanning.DEFAULT_PER_GROUP);
        if (round.state() == RoundState.PLANNED && !roster.isEmpty()) {
            List<Candidate> candidates = new ArrayList<>(pool.candidates(term.districtId()));
            candidates.sort(Comparator.comparing(Candidate::tier).thenComparing(Candidate::name));
            Map<InspectorId, String> units =
                    pool.units(candidates.stream().map(Candidate::id).toList());
            model.addAttribute(
                    "poolOptions",
                    candidates.stream()
                            .map(c -> new PoolOption(
                                    c.id().value(), c.name() + "（" + units.getOrDefault(c.id(), "") + "）"))
                            .toList());
        }
    }

    void addSuggestion(Model model, InspectionRound round, Term term, int perGroup) {
        RosterSuggestion suggestion = planning.suggest(round, term, perGroup);
        model.addAttribute("suggestion", suggestion);
        Map<Integer, String> names = new java.util.HashMap<>();
        suggestion.groups().forEach(g -> names.put(g.number(), RoundRoster.name(g.number())));
        suggestion.gaps().forEach(g -> names.put(g.groupNumber(), RoundRoster.name(g.groupNumber())));
        model.addAttribute("groupNames", names);
        model.addAttribute("perGroup", perGroup);
    }

    /** The groups as the round's documents list them, with each person's unit (所在单位及职务). */
    List<RoundDocuments.DocumentGroup> documentGroups(InspectionRound round) {
        RoundRoster roster = groups.ofRound(round.id(), new ScopePrefixes(List.of("%")));
        List<InspectorId> people = roster.groups().stream()
                .flatMap(g -> g.members().stream())
                .map(RoundRoster.Member::inspector)
                .toList();
        Map<InspectorId, String> units = pool.units(people);
        Map<Long, String> names =
                round.localities().stream().collect(Collectors.toMap(RoundLocality::localityId, RoundLocality::name));
        List<RoundDocuments.DocumentGroup> lines = new ArrayList<>();
        for (RoundRoster.Group g : roster.groups()) {
            lines.add(new RoundDocuments.DocumentGroup(
                    g.name(),
                    person(g.leader(), units),
                    person(g.deputy(), units),
                    g.ordinaryMembers().stream().map(m -> person(m, units)).toList(),
                    g.members().stream()
                            .filter(m -> m.responsibility() != null)
                            .map(m -> m.name() + "：" + m.responsibility())
                            .toList(),
                    g.localityIds().stream().map(names::get).collect(Collectors.joining("、"))));
        }
        return lines;
    }

    private static @Nullable String person(RoundRoster.@Nullable Member member, Map<InspectorId, String> units) {
        if (member == null) {
            return null;
        }
        String unit = units.get(member.inspector());
        return unit == null || unit.isBlank() ? member.name() : member.name() + "（" + unit + "）";
    }

    /** For the template: the people of a suggested group. */
    static List<org.xuncha.inspectors.RosterPlacement> people(SuggestedGroup group) {
        return group.people();
    }
}
