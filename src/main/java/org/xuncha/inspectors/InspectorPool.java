package org.xuncha.inspectors;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspector pool (巡察人才库) as other modules use it: the people of a district with their recusal facts, the
 * district's recusal rules for a round, and the roster suggestion. Planning owns rounds, groups and service history
 * and passes what it knows (previous round's placements, load, pairs); the inspector page shows that history from
 * {@code GET /planning/inspectors/{id}/history} (an htmx fragment planning serves), so the dependency runs one way.
 */
@Service
public class InspectorPool {

    private final Inspectors inspectors;
    private final RecusalPolicies policies;

    InspectorPool(Inspectors inspectors, RecusalPolicies policies) {
        this.inspectors = inspectors;
        this.policies = policies;
    }

    /** Everyone in a district's pool with their recusal facts, by id. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long districtId) {
        return inspectors.ofDistrict(districtId).stream()
                .map(Inspector::candidate)
                .toList();
    }

    /** One person with their recusal facts, for checking a manual assignment. */
    @Transactional(readOnly = true)
    public Optional<Candidate> candidate(InspectorId inspector) {
        return inspectors.findById(inspector.value()).map(Inspector::candidate);
    }

    /** The recusal rules a district enforces (回避规则设置). */
    @Transactional(readOnly = true)
    public RecusalPolicy policy(long districtId) {
        return policies.of(districtId).policy();
    }

    /**
     * The district's rules for a round: its policy and the director's exceptions, the round's dates (for
     * availability) and the placements of the district's previous round (for rotation).
     */
    @Transactional(readOnly = true)
    public RecusalRules rules(long districtId, DateRange roundDates, Collection<PreviousPlacement> previousRound) {
        return new RecusalRules(
                policies.of(districtId).policy(),
                roundDates,
                previousRound,
                inspectors.exemptionsOfDistrict(districtId));
    }

    /**
     * Suggests the groups of a round (建议名单) from the district's pool under its rules; see {@link RosterPlanner}.
     * Never throws for a round that cannot be fully staffed: the suggestion lists the gaps with their reasons.
     */
    @Transactional(readOnly = true)
    public RosterSuggestion suggest(
            long districtId,
            List<RoundLocality> localities,
            GroupSizing sizing,
            DateRange roundDates,
            Collection<PreviousPlacement> previousRound,
            ServiceHistory history,
            GroupShape shape) {
        return RosterPlanner.suggest(new RosterRequest(
                localities,
                sizing,
                candidates(districtId),
                rules(districtId, roundDates, previousRound),
                history,
                shape));
    }

    /** The inspector a user account is (e.g. the demo's {@code groupleader}), if the office linked one. */
    @Transactional(readOnly = true)
    public Optional<InspectorId> inspectorOf(String username) {
        return inspectors.idOfUsername(username).map(InspectorId::new);
    }

    /** Names for display, in the order asked; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<InspectorId, String> names(Collection<InspectorId> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        inspectors
                .names(ids.stream().map(InspectorId::value).toList())
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        Map<InspectorId, String> names = new LinkedHashMap<>();
        ids.forEach(id -> {
            String name = found.get(id.value());
            if (name != null) {
                names.put(id, name);
            }
        });
        return names;
    }

    /** Unit and post of each person (所在单位及职务), for the round's documents; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<InspectorId, String> units(Collection<InspectorId> ids) {
        Map<InspectorId, String> units = new LinkedHashMap<>();
        inspectors
                .units(ids.stream().map(InspectorId::value).toList())
                .forEach(e -> units.put(new InspectorId(e.getKey()), e.getValue()));
        return units;
    }
}
