package org.xuncha.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;

/**
 * Planning as a demo generator drives it (轮次生成): a regular round of the district's term planned, its groups
 * accepted from the roster suggestion, approved and sent into the field; later its fieldwork finished. Every step goes
 * through {@link RoundPlanning} and {@link GroupPlanning} with their rules, as the office and the director would take
 * them on the round page. For generators outside planning (the {@code demo} module), not for people.
 */
@Component
public class RoundSeeding {

    private final Terms terms;
    private final RoundPlanning roundPlanning;
    private final GroupPlanning groupPlanning;
    private final InspectionGroups groups;
    private final InspectionRounds rounds;

    RoundSeeding(
            Terms terms,
            RoundPlanning roundPlanning,
            GroupPlanning groupPlanning,
            InspectionGroups groups,
            InspectionRounds rounds) {
        this.terms = terms;
        this.roundPlanning = roundPlanning;
        this.groupPlanning = groupPlanning;
        this.groups = groups;
        this.rounds = rounds;
    }

    /**
     * Plans a regular round of the district's (first) term over the given township units and 村居, accepts the roster
     * suggestion with {@code perGroup} 村居 per group, approves it and starts its fieldwork on the entry day.
     */
    @Transactional
    public RoundId planIntoField(
            long districtId,
            List<Long> townshipIds,
            List<Long> localityIds,
            LocalDate entry,
            LocalDate exit,
            int perGroup,
            ZoneId zone) {
        RegionScope whole = RegionScope.of(List.of(districtId));
        Term term = terms.all(new ScopePrefixes(List.of("%"))).stream()
                .filter(t -> t.districtId() == districtId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no term for district " + districtId));
        InspectionRound round = roundPlanning.plan(
                term,
                RoundKind.REGULAR,
                new InspectionRound.Schedule(entry, exit),
                new InspectionRound.Channels("0370-3211234", "xcb_suiyang@example.gov.cn", "睢阳区委巡察办（区委大院3号楼）"),
                townshipIds,
                localityIds,
                whole,
                "office",
                at(entry.minusDays(10), zone));
        RoundRoster roster = groupPlanning.accept(round, term, perGroup);
        groups.save(round.id(), roster);
        round = reload(round.id());
        roundPlanning.advance(
                round,
                RoundState.APPROVED,
                round.version(),
                new InspectionRound.Actor("director", true),
                at(entry.minusDays(7), zone));
        round = reload(round.id());
        roundPlanning.advance(
                round,
                RoundState.IN_FIELD,
                round.version(),
                new InspectionRound.Actor("office", false),
                at(entry, zone));
        return new RoundId(round.id());
    }

    /** Finishes the round's fieldwork on its exit day (the fieldwork checks still apply). */
    @Transactional
    public void finishFieldwork(RoundId id, ZoneId zone) {
        InspectionRound round = reload(id.value());
        roundPlanning.advance(
                round,
                RoundState.FIELDWORK_FINISHED,
                round.version(),
                new InspectionRound.Actor("office", false),
                at(round.schedule().exitDate(), zone));
    }

    private InspectionRound reload(long id) {
        return rounds.find(id, new ScopePrefixes(List.of("%"))).orElseThrow();
    }

    private static Instant at(LocalDate day, ZoneId zone) {
        return day.atTime(9, 0).atZone(zone).toInstant();
    }
}
