package org.xuncha.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * Plans rounds from whole township units of the registry and moves them through their states; keeps their meetings.
 * Every change is audited and its events are published with it.
 */
@Service
class RoundPlanning {

    private final InspectionRounds rounds;
    private final Meetings meetings;
    private final Regions regions;
    private final PlannedDays plannedDays;
    private final PlanningAudit audit;
    private final ApplicationEventPublisher events;
    private final InspectionGroups groups;
    private final ObjectProvider<FieldworkCompletionCheck> fieldworkChecks;

    RoundPlanning(
            InspectionRounds rounds,
            InspectionGroups groups,
            Meetings meetings,
            Regions regions,
            PlannedDays plannedDays,
            PlanningAudit audit,
            ApplicationEventPublisher events,
            ObjectProvider<FieldworkCompletionCheck> fieldworkChecks) {
        this.fieldworkChecks = fieldworkChecks;
        this.rounds = rounds;
        this.groups = groups;
        this.meetings = meetings;
        this.regions = regions;
        this.plannedDays = plannedDays;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Plans a round of the term over the chosen township units and, of their 村居, the chosen ones; each 村居 keeps the
     * intensity the registry gives it now and the days planned for that intensity. A 村居 already taken by an
     * unfinished round of the term is refused.
     */
    @Transactional
    InspectionRound plan(
            Term term,
            RoundKind kind,
            InspectionRound.Schedule schedule,
            InspectionRound.Channels channels,
            Collection<Long> townshipIds,
            Collection<Long> localityIds,
            RegionScope scope,
            String by,
            Instant at) {
        Map<Long, RegionSummary> townshipsInScope =
                regions.townships(scope).stream().collect(Collectors.toMap(RegionSummary::id, Function.identity()));
        List<InspectionRound.Township> townships = new ArrayList<>();
        for (long id : new LinkedHashSet<>(townshipIds)) {
            RegionSummary township = townshipsInScope.get(id);
            if (township == null) {
                throw new RoundRuleViolation("round.rule.unknownTownship");
            }
            townships.add(new InspectionRound.Township(township.id(), township.name(), township.path()));
        }
        townships.sort(Comparator.comparing(t -> townshipsInScope.get(t.id()).code()));
        Set<Long> chosen = new LinkedHashSet<>(localityIds);
        List<RoundLocality> localities = new ArrayList<>();
        for (LocalitySummary locality : regions.localitiesUnder(
                townships.stream().map(InspectionRound.Township::id).toList(), scope)) {
            if (chosen.remove(locality.id())) {
                localities.add(new RoundLocality(
                        locality.id(),
                        locality.code(),
                        locality.name(),
                        locality.kind(),
                        locality.townshipId(),
                        locality.townshipName(),
                        locality.path(),
                        locality.intensity(),
                        plannedDays.of(locality.intensity())));
            }
        }
        if (!chosen.isEmpty()) {
            throw new RoundRuleViolation(
                    "round.rule.localityOutsideTownships", chosen.iterator().next());
        }
        Map<Long, RoundSummary> taken = rounds.openRoundsOf(
                localities.stream().map(RoundLocality::localityId).toList(), term.id());
        if (!taken.isEmpty()) {
            RoundLocality first = localities.stream()
                    .filter(l -> taken.containsKey(l.localityId()))
                    .findFirst()
                    .orElseThrow();
            throw new RoundRuleViolation(
                    "round.rule.alreadyInOpenRound",
                    first.name(),
                    taken.get(first.localityId()).label(),
                    taken.size());
        }
        InspectionRound round = InspectionRound.plan(
                rounds.nextId(),
                term,
                kind,
                rounds.nextNumber(term.id(), kind),
                schedule,
                channels,
                townships,
                localities,
                by,
                at);
        rounds.insert(round);
        publish(round);
        audit.record(
                AuditAction.CREATE,
                "Round",
                round.id(),
                term.name() + " " + round.label() + ": "
                        + townships.stream().map(InspectionRound.Township::name).collect(Collectors.joining("、")) + ", "
                        + localities.size() + " localities, " + schedule.entryDate() + " to " + schedule.exitDate());
        return round;
    }

    /**
     * Moves the round to the requested state, if that is its next step and the actor may take it; the director approves
     * only a round whose every 村居 is in a group and whose every group has a leader.
     */
    @Transactional
    void advance(InspectionRound round, RoundState requested, int version, InspectionRound.Actor actor, Instant at) {
        requireVersion(round, version);
        RoundState from = round.state();
        if (from == RoundState.PLANNED && requested == RoundState.APPROVED && actor.director()) {
            groups.ofRound(round.id(), new ScopePrefixes(List.of("%"))).requireComplete(round.localities());
        }
        if (from == RoundState.IN_FIELD && requested == RoundState.FIELDWORK_FINISHED) {
            List<String> open = fieldworkChecks
                    .orderedStream()
                    .flatMap(
                            check -> check.openItems(new RoundId(round.id()), LocaleContextHolder.getLocale()).stream())
                    .toList();
            if (!open.isEmpty()) {
                throw new RoundRuleViolation("round.rule.fieldworkOpen", String.join("；", open));
            }
        }
        round.advanceTo(requested, actor, at);
        rounds.update(round);
        publish(round);
        audit.record(AuditAction.UPDATE, "Round", round.id(), round.label() + ": " + from + " -> " + requested);
    }

    @Transactional
    void reschedule(
            InspectionRound round,
            Term term,
            InspectionRound.Schedule schedule,
            InspectionRound.Channels channels,
            int version) {
        requireVersion(round, version);
        round.reschedule(term, schedule, channels);
        rounds.update(round);
        audit.record(
                AuditAction.UPDATE,
                "Round",
                round.id(),
                round.label() + ": rescheduled " + schedule.entryDate() + " to " + schedule.exitDate());
    }

    @Transactional
    long addMeeting(InspectionRound round, Meeting.Details details) {
        if (round.state() == RoundState.CLOSED) {
            throw new RoundRuleViolation("meeting.rule.roundClosed");
        }
        long id = meetings.insert(round.id(), details);
        audit.record(
                AuditAction.CREATE, "Meeting", id, round.label() + ": " + details.kind() + " " + details.startsAt());
        return id;
    }

    @Transactional
    void reviseMeeting(Meeting meeting, Meeting.Details details, int version) {
        if (meeting.version() != version) {
            throw new OptimisticLockingFailureException("meeting " + meeting.id() + " changed since it was read");
        }
        meeting.revise(details);
        meetings.update(meeting);
        audit.record(AuditAction.UPDATE, "Meeting", meeting.id(), details.kind() + " " + details.startsAt());
    }

    private void publish(InspectionRound round) {
        round.events().forEach(events::publishEvent);
        round.clearEvents();
    }

    private static void requireVersion(InspectionRound round, int version) {
        if (round.version() != version) {
            throw new OptimisticLockingFailureException("round " + round.id() + " changed since it was read");
        }
    }
}
