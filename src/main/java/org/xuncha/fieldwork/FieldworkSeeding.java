package org.xuncha.fieldwork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.organization.RosterHousehold;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Fieldwork as a demo generator records it (进驻工作生成): for one 村居 of a round in the field, the notice postings,
 * a forum and individual talks, and the household visits it is given — each through {@link Fieldwork} with its rules,
 * as the 村居's group would record them, in one transaction. For generators outside fieldwork (the {@code demo}
 * module), not for people.
 */
@Component
public class FieldworkSeeding {

    /**
     * What to record in a 村居: notice copies posted (split over villager groups), person-times in talks (two
     * individual talks when the group has two inspectors, the rest in one forum), and the households to visit.
     */
    public record LocalityWork(int noticeCopies, int personTimes, List<RosterHousehold> visits) {}

    private static final String[] RAISED = {
        "反映村内道路年久失修，雨天出行不便。",
        null,
        "希望低保评定过程更公开。",
        null,
        "反映村集体坑塘承包费用去向不清楚。",
        "对村里环境整治比较满意。",
        null,
        "反映自来水时常停水。",
        "希望多开展农业技术培训。",
        null
    };

    private static final Satisfaction[] SATISFACTIONS = {
        Satisfaction.SATISFIED,
        Satisfaction.SATISFIED,
        Satisfaction.BASICALLY_SATISFIED,
        Satisfaction.SATISFIED,
        Satisfaction.SATISFIED,
        Satisfaction.BASICALLY_SATISFIED,
        Satisfaction.DISSATISFIED
    };

    private final Rounds rounds;
    private final Fieldwork fieldwork;
    private final Clock clock;

    FieldworkSeeding(Rounds rounds, Fieldwork fieldwork, Clock clock) {
        this.rounds = rounds;
        this.fieldwork = fieldwork;
        this.clock = clock;
    }

    /**
     * Records the 村居's fieldwork; the round must be in the field and the 村居 in a group. Every record is dated within
     * the round's period in the field and entered (recorded_at) on the evening of its day, as the group would have
     * entered it then: the notices on the first days, the forum and the individual talks in the first half of the
     * period, the visits spread over it.
     */
    @Transactional
    public void record(RoundSummary round, RoundLocality locality, LocalityWork work) {
        RoundId id = round.id();
        RoundGroup group = rounds.groupOf(id, locality.localityId())
                .orElseThrow(() -> new IllegalStateException(locality.name() + " has no group in round " + id));
        Fieldwork.Where where = new Fieldwork.Where(round, locality, group);
        List<InspectorId> all =
                group.members().stream().map(RoundGroup.Member::inspector).toList();
        List<InspectorId> two = all.subList(0, Math.min(2, all.size()));
        LocalDate entry = round.entryDate();
        int days = (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(entry, round.exitDate()));
        LocalDate talksOn = entry.plusDays(1 + locality.localityId() % Math.max(1, days / 2));
        String by = "office";

        int copies = work.noticeCopies();
        fieldwork.recordPosting(
                where,
                new Fieldwork.PostingData(null, null, locality.name() + "党群服务中心公示栏", Math.min(2, copies), entry),
                null,
                by,
                enteredOn(entry));
        copies -= Math.min(2, copies);
        for (int g = 1; copies > 0; g++) {
            int here = Math.min(copies, 1 + g % 2);
            LocalDate postedOn = entry.plusDays(g % 2);
            fieldwork.recordPosting(
                    where,
                    new Fieldwork.PostingData("第" + g + "村民组", null, "村民组活动室门口", here, postedOn),
                    null,
                    by,
                    enteredOn(postedOn));
            copies -= here;
        }

        int personTimes = work.personTimes();
        if (two.size() == 2 && personTimes >= 3) {
            for (String who : List.of("党支部书记", "村报账员")) {
                fieldwork.recordTalk(
                        where,
                        new Fieldwork.TalkData(
                                TalkKind.INDIVIDUAL,
                                talksOn.plusDays(1),
                                locality.name() + "村委会办公室",
                                two,
                                who,
                                1,
                                "履行职责和“三资”管理情况",
                                null),
                        by,
                        enteredOn(talksOn.plusDays(1)));
                personTimes--;
            }
        }
        if (personTimes > 0) {
            fieldwork.recordTalk(
                    where,
                    new Fieldwork.TalkData(
                            TalkKind.FORUM,
                            talksOn,
                            locality.name() + "党群服务中心会议室",
                            all,
                            "村“两委”成员、党员代表、村民代表",
                            personTimes,
                            "村“两委”班子建设、三资管理和惠民政策落实情况",
                            null),
                    by,
                    enteredOn(talksOn));
        }

        List<Fieldwork.VisitData> visits = new ArrayList<>(work.visits().size());
        int i = 0;
        for (RosterHousehold h : work.visits()) {
            visits.add(new Fieldwork.VisitData(
                    h.id(),
                    entry.plusDays(1 + i % days),
                    two,
                    RAISED[i % RAISED.length],
                    SATISFACTIONS[i % SATISFACTIONS.length]));
            i++;
        }
        if (!visits.isEmpty()) {
            fieldwork.recordVisits(where, visits, by, v -> enteredOn(v.visitedOn()));
        }
    }

    /** When a record of the day was entered: that evening. */
    private Instant enteredOn(LocalDate day) {
        return day.atTime(18, 30).atZone(clock.getZone()).toInstant();
    }
}
