package org.xuncha.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.inspectors.Candidate;
import org.xuncha.inspectors.DateRange;
import org.xuncha.inspectors.GroupShape;
import org.xuncha.inspectors.GroupSizing;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.inspectors.RecusalRules;
import org.xuncha.inspectors.RosterSuggestion;
import org.xuncha.inspectors.ServiceHistory;
import org.xuncha.organization.Regions;

/**
 * Forms the groups of a planned round (组建巡察组): asks the inspector pool for a suggested roster with what planning
 * knows (the previous round's placements, each person's load and pairs in the term), accepts it, and applies the
 * office's changes, each checked by the roster and the district's recusal rules. Every change is audited.
 */
@Service
class GroupPlanning {

    /** 一托N when the office does not choose. */
    static final int DEFAULT_PER_GROUP = 4;

    private final InspectionGroups groups;
    private final InspectorPool pool;
    private final Regions regions;
    private final PlanningMessages messages;
    private final PlanningAudit audit;

    GroupPlanning(
            InspectionGroups groups,
            InspectorPool pool,
            Regions regions,
            PlanningMessages messages,
            PlanningAudit audit) {
        this.groups = groups;
        this.pool = pool;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    RosterSuggestion suggest(InspectionRound round, Term term, int perGroup) {
        requirePlanned(round);
        return pool.suggest(
                term.districtId(),
                localities(round),
                GroupSizing.perGroup(Math.max(1, perGroup)),
                dates(round),
                groups.previousRound(round),
                new ServiceHistory(groups.load(round), groups.pairs(round)),
                GroupShape.standard());
    }

    /** Accepts the suggestion as the round's groups, replacing any groups it had. */
    @Transactional
    RoundRoster accept(InspectionRound round, Term term, int perGroup) {
        RosterSuggestion suggestion = suggest(round, term, perGroup);
        RoundRoster roster = RoundRoster.accept(suggestion, messages::of);
        groups.save(round.id(), roster);
        audit.record(
                AuditAction.UPDATE,
                "Round",
                round.id(),
                round.label() + ": accepted suggested roster of "
                        + roster.groups().size() + " groups");
        return roster;
    }

    /** Replaces a person of a group; refused when the replacement breaks a recusal rule. */
    @Transactional
    void replace(InspectionRound round, Term term, int group, InspectorId replaced, InspectorId replacement) {
        requirePlanned(round);
        RoundRoster roster = groups.ofRound(round.id(), new ScopePrefixes(List.of("%")));
        Candidate candidate = pool.candidate(replacement)
                .orElseThrow(() -> new RoundRuleViolation("group.rule.unknownInspector", replacement.value()));
        roster.replace(group, replaced, candidate, rules(round, term), localitiesById(round));
        groups.save(round.id(), roster);
        audit.record(
                AuditAction.UPDATE,
                "Round",
                round.id(),
                round.label() + " " + RoundRoster.name(group) + ": " + replaced + " replaced by " + replacement);
    }

    @Transactional
    void move(InspectionRound round, long localityId, int toGroup) {
        requirePlanned(round);
        if (round.localities().stream().noneMatch(l -> l.localityId() == localityId)) {
            throw new RoundRuleViolation("group.rule.localityNotInRound");
        }
        RoundRoster roster = groups.ofRound(round.id(), new ScopePrefixes(List.of("%")));
        roster.move(localityId, toGroup);
        groups.save(round.id(), roster);
        audit.record(
                AuditAction.UPDATE,
                "Round",
                round.id(),
                round.label() + ": locality " + localityId + " moved to " + RoundRoster.name(toGroup));
    }

    @Transactional
    void assignResponsibilities(InspectionRound round, int group, Map<InspectorId, String> responsibilities) {
        RoundRoster roster = groups.ofRound(round.id(), new ScopePrefixes(List.of("%")));
        roster.assignResponsibilities(group, responsibilities);
        groups.save(round.id(), roster);
        audit.record(AuditAction.UPDATE, "Round", round.id(), round.label() + " " + RoundRoster.name(group) + ": 精准定责");
    }

    /** The district's recusal rules for the round, with the director's exceptions and the previous round. */
    RecusalRules rules(InspectionRound round, Term term) {
        return pool.rules(term.districtId(), dates(round), groups.previousRound(round));
    }

    Map<Long, org.xuncha.inspectors.RoundLocality> localitiesById(InspectionRound round) {
        Map<Long, org.xuncha.inspectors.RoundLocality> byId = new LinkedHashMap<>();
        localities(round).forEach(l -> byId.put(l.id(), l));
        return byId;
    }

    /** The round's 村居 as the recusal rules and the roster see them. */
    List<org.xuncha.inspectors.RoundLocality> localities(InspectionRound round) {
        Set<Long> large = regions.largeCollectiveEconomies(
                round.localities().stream().map(RoundLocality::localityId).toList());
        return round.localities().stream()
                .map(l -> new org.xuncha.inspectors.RoundLocality(
                        l.localityId(),
                        l.name(),
                        l.townshipId(),
                        l.townshipName(),
                        l.kind(),
                        l.intensity(),
                        large.contains(l.localityId())))
                .toList();
    }

    private static DateRange dates(InspectionRound round) {
        return new DateRange(round.schedule().entryDate(), round.schedule().exitDate());
    }

    private static void requirePlanned(InspectionRound round) {
        if (round.state() != RoundState.PLANNED) {
            throw new RoundRuleViolation("group.rule.rosterFixed", round.state());
        }
    }
}
