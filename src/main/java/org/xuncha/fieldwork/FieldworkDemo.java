package org.xuncha.fieldwork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.organization.HouseholdRoster;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.organization.RosterHousehold;
import org.xuncha.planning.FieldworkStarted;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Demo fieldwork for the demo pilot round: notices posted, broadcasts, talks, document reviews and site checks in
 * every pilot 村居, every special household visited (a few with a recorded reason instead) plus some ordinary ones —
 * all through {@link Fieldwork}, as a group would record them.
 *
 * <p>Why a synchronous listener on {@link FieldworkStarted}: planning's demo moves the pilot IN_FIELD → FIELDWORK_FINISHED
 * in one transaction, and the finish asks {@link SpecialHouseholdGate}. Planning publishes FieldworkStarted inside
 * that transaction when the round goes into the field, so a plain {@code @EventListener} runs right then, in the same
 * transaction, before the finish is asked — whatever the order of the modules' DemoDistrictLoaded listeners (which
 * run asynchronously after commit and so cannot be ordered against each other). It acts only in demo mode, for a
 * pilot round whose fieldwork started on a past day (the demo's dates are historical; a person starting fieldwork
 * from the round page does it today) and that has no fieldwork records yet.
 */
@Component
class FieldworkDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FieldworkDemo.class);

    private static final String[] RAISED = {
        "反映村内道路年久失修，雨天出行不便。",
        "希望低保评定过程更公开。",
        "反映村集体鱼塘承包费用去向不清楚。",
        "对村里环境整治比较满意。",
        "反映自来水时常停水。",
        null,
        null,
        "希望多开展农业技术培训。"
    };

    private final boolean demo;
    private final Rounds rounds;
    private final Regions regions;
    private final HouseholdRoster roster;
    private final Fieldwork fieldwork;
    private final FieldworkRecords records;
    private final Clock clock;

    FieldworkDemo(
            @Value("${xuncha.demo.enabled}") String demoFlag,
            @Value("${xuncha.database.url}") String databaseUrl,
            Rounds rounds,
            Regions regions,
            HouseholdRoster roster,
            Fieldwork fieldwork,
            FieldworkRecords records,
            Clock clock) {
        this.demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
        this.rounds = rounds;
        this.regions = regions;
        this.roster = roster;
        this.fieldwork = fieldwork;
        this.records = records;
        this.clock = clock;
    }

    @EventListener
    void on(FieldworkStarted event) {
        if (!demo
                || !event.at()
                        .isBefore(LocalDate.now(clock)
                                .atStartOfDay(clock.getZone())
                                .toInstant())) {
            return;
        }
        List<RoundLocality> localities = rounds.allLocalities(event.roundId());
        if (localities.isEmpty()) {
            return;
        }
        RegionSummary township = regions.find(localities.get(0).townshipId()).orElseThrow();
        if (township.parentId() == null) {
            return;
        }
        RegionScope district = RegionScope.of(List.of(township.parentId()));
        RoundSummary round = rounds.find(event.roundId(), district).orElseThrow();
        List<Long> ids = localities.stream().map(RoundLocality::localityId).toList();
        if (round.kind() != RoundKind.PILOT
                || !records.visitedHouseholds(round.id().value(), ids).isEmpty()) {
            return;
        }
        // the round is IN_FIELD already in this transaction; its summary says so
        for (RoundLocality locality : localities) {
            RoundGroup group = rounds.groupOf(round.id(), locality.localityId()).orElse(null);
            if (group == null || group.members().isEmpty()) {
                continue;
            }
            record(new Fieldwork.Where(round, locality, group), district);
        }
        log.info("Demo: fieldwork of {} recorded for {} 村居", round.label(), localities.size());
    }

    private void record(Fieldwork.Where where, RegionScope district) {
        RoundSummary round = where.round();
        RoundLocality l = where.locality();
        String by = l.townshipName().equals("坞墙镇") ? "groupmember" : "office";
        List<InspectorId> all = where.group().members().stream()
                .map(RoundGroup.Member::inspector)
                .toList();
        List<InspectorId> two = all.subList(0, Math.min(2, all.size()));
        LocalDate entry = round.entryDate();
        int days = (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(entry, round.exitDate()));

        fieldwork.recordPosting(
                where, new Fieldwork.PostingData(null, null, l.name() + "党群服务中心公示栏", 2, entry), null, by);
        fieldwork.recordPosting(where, new Fieldwork.PostingData("第一村民组", null, "村民组活动室门口", 1, entry), null, by);
        fieldwork.recordPosting(
                where, new Fieldwork.PostingData("第二村民组", "东庄", "东庄路口商店旁", 1, entry.plusDays(1)), null, by);
        fieldwork.recordBroadcast(where, entry, l.name() + "村委会大喇叭", 3, by);
        fieldwork.recordBroadcast(where, entry.plusDays(2), l.name() + "村委会大喇叭", 2, by);

        fieldwork.recordTalk(
                where,
                new Fieldwork.TalkData(
                        TalkKind.FORUM,
                        entry.plusDays(1),
                        l.name() + "党群服务中心会议室",
                        all,
                        "村“两委”成员、党员代表、村民代表",
                        12,
                        "村“两委”班子建设、三资管理和惠民政策落实情况",
                        "与会人员普遍反映班子团结；有党员提出村集体机动地发包程序不够公开，需进一步了解。"),
                by);
        if (two.size() == 2) {
            fieldwork.recordTalk(
                    where,
                    new Fieldwork.TalkData(
                            TalkKind.INDIVIDUAL,
                            entry.plusDays(2),
                            l.name() + "村委会办公室",
                            two,
                            "党支部书记",
                            1,
                            "履行管党治党责任情况",
                            "书记介绍了集体经济发展情况；对机动地发包问题称已上会研究，会议记录待调阅核实。"),
                    by);
            fieldwork.recordTalk(
                    where,
                    new Fieldwork.TalkData(
                            TalkKind.INDIVIDUAL,
                            entry.plusDays(3),
                            l.name() + "村委会办公室",
                            two,
                            "村报账员",
                            1,
                            "集体资金收支和票据管理",
                            "报账员提供了近三年收支台账；部分支出缺少经手人签字。"),
                    by);
        }
        fieldwork.recordExamination(
                where,
                new Fieldwork.ExaminationData(
                        ExaminationKind.DOCUMENT_REVIEW,
                        entry.plusDays(3),
                        "近三年村集体财务账目、会议记录、“三资”台账",
                        l.name() + "村委会",
                        two,
                        "账目基本齐全，个别支出凭证手续不全。"),
                List.of(),
                by);
        fieldwork.recordExamination(
                where,
                new Fieldwork.ExaminationData(
                        ExaminationKind.SITE_CHECK,
                        entry.plusDays(4),
                        "村集体机动地、道路硬化项目",
                        l.name() + "东片",
                        two,
                        "道路硬化项目已完工，部分路段有裂缝。"),
                List.of(),
                by);

        List<RosterHousehold> special = roster.special(List.of(l.localityId()));
        Satisfaction[] satisfactions = {
            Satisfaction.SATISFIED,
            Satisfaction.SATISFIED,
            Satisfaction.BASICALLY_SATISFIED,
            Satisfaction.SATISFIED,
            Satisfaction.DISSATISFIED
        };
        int i = 0;
        for (RosterHousehold h : special) {
            LocalDate on = entry.plusDays(1 + i % days);
            if (i == 3) {
                fieldwork.excuse(where, h.id(), ExcuseReason.MOVED_AWAY, "已随子女迁居市区，电话联系了解情况。", by);
            } else if (i == 7) {
                fieldwork.excuse(where, h.id(), ExcuseReason.ABSENT_TWICE, "两次上门均无人，邻居称外出务工。", by);
            } else {
                fieldwork.recordVisit(
                        where,
                        new Fieldwork.VisitData(
                                h.id(), on, two, RAISED[i % RAISED.length], satisfactions[i % satisfactions.length]),
                        null,
                        by);
            }
            i++;
        }
        List<RosterHousehold> ordinary = roster.ofLocality(l.localityId(), "", district, 400).stream()
                .filter(h -> !h.special())
                .limit(8)
                .toList();
        for (RosterHousehold h : ordinary) {
            fieldwork.recordVisit(
                    where,
                    new Fieldwork.VisitData(
                            h.id(),
                            entry.plusDays(1 + i % days),
                            two,
                            RAISED[i % RAISED.length],
                            satisfactions[i % satisfactions.length]),
                    null,
                    by);
            i++;
        }
    }
}
