package org.xuncha.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.inspectors.Candidate;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.inspectors.RecusalRules;
import org.xuncha.organization.DemoDistrictLoaded;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * Demo planning for the demo district: the term 五届区委 with the article's focus checklist, and the pilot round of
 * the article (4 townships, 8 村居) with its meetings, its fieldwork finished, so that the term dashboard shows
 * coverage. The term runs five years from October of last year, so today always lies in its second or third year;
 * everything else is fixed.
 */
@Component
class PlanningDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlanningDemo.class);

    static final String TERM_NAME = "五届区委";
    static final List<String> PILOT_TOWNSHIPS = List.of("古城街道", "坞墙镇", "冯桥镇", "闫集镇");
    static final int PILOT_LOCALITIES_PER_TOWNSHIP = 2;

    private final Regions regions;
    private final Terms terms;
    private final TermPlanning termPlanning;
    private final RoundPlanning roundPlanning;
    private final GroupPlanning groupPlanning;
    private final InspectionGroups groups;
    private final InspectorPool pool;
    private final Clock clock;

    PlanningDemo(
            Regions regions,
            Terms terms,
            TermPlanning termPlanning,
            RoundPlanning roundPlanning,
            GroupPlanning groupPlanning,
            InspectionGroups groups,
            InspectorPool pool,
            Clock clock) {
        this.groupPlanning = groupPlanning;
        this.groups = groups;
        this.pool = pool;
        this.regions = regions;
        this.terms = terms;
        this.termPlanning = termPlanning;
        this.roundPlanning = roundPlanning;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DemoDistrictLoaded event) {
        if (terms.existsForDistrict(event.districtId())) {
            return;
        }
        RegionSummary district = regions.find(event.districtId()).orElseThrow();
        RegionScope whole = RegionScope.of(List.of(district.id()));
        LocalDate startsOn = LocalDate.of(LocalDate.now(clock).getYear() - 1, 10, 1);
        Term term = termPlanning.open(
                district, TERM_NAME, startsOn, startsOn.plusYears(5).minusDays(1), Term.FULL_COVERAGE);

        List<RegionSummary> townships = regions.townships(whole).stream()
                .filter(t -> PILOT_TOWNSHIPS.contains(t.name()))
                .toList();
        Map<Long, List<LocalitySummary>> byTownship =
                regions
                        .localitiesUnder(
                                townships.stream().map(RegionSummary::id).toList(), whole)
                        .stream()
                        .collect(Collectors.groupingBy(LocalitySummary::townshipId));
        List<Long> localities = new ArrayList<>();
        for (RegionSummary township : townships) {
            localities.addAll(pilotLocalities(byTownship.get(township.id())));
        }

        // the pilot opens the year (the article: "自今年年初开展该项工作以来"), unless the year has only just begun
        LocalDate today = LocalDate.now(clock);
        LocalDate entry = LocalDate.of(today.getYear(), 1, 5).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        if (entry.plusDays(30).isAfter(today)) {
            entry = startsOn.plusMonths(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        }
        LocalDate exit = entry.plusDays(18);
        InspectionRound pilot = roundPlanning.plan(
                term,
                RoundKind.PILOT,
                new InspectionRound.Schedule(entry, exit),
                new InspectionRound.Channels("0370-3211234", "xcb_suiyang@example.gov.cn", "睢阳区委巡察办（区委大院3号楼）"),
                townships.stream().map(RegionSummary::id).toList(),
                localities,
                whole,
                "office",
                at(entry.minusDays(10), 10));
        roundPlanning.addMeeting(
                pilot,
                new Meeting.Details(
                        MeetingKind.PRE_INSPECTION,
                        null,
                        entry.minusDays(3).atTime(9, 0),
                        entry.minusDays(3).atTime(11, 0),
                        "区委巡察办会议室",
                        "区委巡察办、区纪委监委、组织部、信访局、扶贫办负责同志，试点乡镇党委书记",
                        null));
        roundPlanning.addMeeting(
                pilot,
                new Meeting.Details(
                        MeetingKind.MOBILIZATION,
                        null,
                        entry.atTime(9, 0),
                        entry.atTime(10, 30),
                        "坞墙镇政府会议室",
                        "试点乡镇党委班子成员，试点村居“两委”干部，巡察组全体成员",
                        "宣读授权书，通报试点巡察安排，公布举报电话、邮箱和信箱。"));
        roundPlanning.addMeeting(
                pilot,
                new Meeting.Details(
                        MeetingKind.MID_INSPECTION,
                        null,
                        entry.plusDays(9).atTime(15, 0),
                        null,
                        "区委巡察办会议室",
                        "各巡察组组长",
                        null));
        roundPlanning.addMeeting(
                pilot,
                new Meeting.Details(
                        MeetingKind.POST_INSPECTION,
                        null,
                        exit.plusDays(4).atTime(9, 0),
                        null,
                        "区委巡察办会议室",
                        "区纪委监委、组织部、信访局负责同志，各巡察组组长",
                        null));
        staff(pilot, term);
        roundPlanning.advance(
                pilot,
                RoundState.APPROVED,
                pilot.version(),
                new InspectionRound.Actor("director", true),
                at(entry.minusDays(7), 16));
        roundPlanning.advance(
                pilot, RoundState.IN_FIELD, pilot.version(), new InspectionRound.Actor("office", false), at(entry, 8));
        roundPlanning.advance(
                pilot,
                RoundState.FIELDWORK_FINISHED,
                pilot.version(),
                new InspectionRound.Actor("office", false),
                at(exit, 17));
    }

    /**
     * The pilot's groups: the suggestion (一托二), with the demo accounts groupleader, groupdeputy and groupmember put
     * into the group that takes 坞墙镇 (their region), where the rules allow.
     */
    private void staff(InspectionRound pilot, Term term) {
        RoundRoster roster = groupPlanning.accept(pilot, term, 2);
        long wuqiang = pilot.townships().stream()
                .filter(t -> t.name().equals("坞墙镇"))
                .findFirst()
                .orElseThrow()
                .id();
        RoundRoster.Group group = roster.groups().stream()
                .filter(g -> pilot.localities().stream()
                        .anyMatch(l ->
                                l.townshipId() == wuqiang && g.localityIds().contains(l.localityId())))
                .findFirst()
                .orElseThrow();
        RecusalRules rules = groupPlanning.rules(pilot, term);
        Map<Long, org.xuncha.inspectors.RoundLocality> localities = groupPlanning.localitiesById(pilot);
        for (GroupRole role : List.of(GroupRole.LEADER, GroupRole.DEPUTY, GroupRole.MEMBER)) {
            String username = switch (role) {
                case LEADER -> "groupleader";
                case DEPUTY -> "groupdeputy";
                case MEMBER -> "groupmember";
            };
            Candidate linked =
                    pool.inspectorOf(username).flatMap(pool::candidate).orElse(null);
            RoundRoster.Member current = roster.group(group.number()).members().stream()
                    .filter(m -> m.role() == role)
                    .findFirst()
                    .orElse(null);
            if (linked == null || current == null) {
                continue;
            }
            try {
                boolean serving = roster.assignments().values().stream()
                        .flatMap(g -> g.members().stream())
                        .anyMatch(m -> m.inspector().equals(linked.id()));
                if (serving) {
                    Candidate displaced = pool.candidate(current.inspector()).orElseThrow();
                    roster.exchange(linked, displaced, rules, localities);
                } else {
                    roster.replace(group.number(), current.inspector(), linked, rules, localities);
                }
            } catch (RoundRuleViolation refused) {
                log.info("Demo: {} stays out of {}: {}", username, group.name(), refused.getMessage());
            }
        }
        groups.save(pilot.id(), roster);
    }

    /** Two 村居 of a township: its first 村 and its first 社区 where it has both, else its first two. */
    static List<Long> pilotLocalities(List<LocalitySummary> ofTownship) {
        List<Long> picked = new ArrayList<>();
        for (RegionKind kind : List.of(RegionKind.VILLAGE, RegionKind.COMMUNITY)) {
            ofTownship.stream().filter(l -> l.kind() == kind).findFirst().ifPresent(l -> picked.add(l.id()));
        }
        ofTownship.stream()
                .map(LocalitySummary::id)
                .filter(id -> !picked.contains(id))
                .limit(PILOT_LOCALITIES_PER_TOWNSHIP - picked.size())
                .forEach(picked::add);
        return picked;
    }

    private java.time.Instant at(LocalDate day, int hour) {
        ZoneId zone = clock.getZone();
        return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }
}
