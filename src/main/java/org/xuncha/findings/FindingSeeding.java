package org.xuncha.findings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Findings as a demo generator records them (问题生成): for one 村居 of a round, findings recorded by a member of its
 * group, their working papers submitted, approved by the group leader and by the office; some of them 立行立改 and
 * some with a lead raised, transferred by the director to 区纪委监委, received and (where the day has come) reported on
 * — each step through {@link FindingWork} and {@link LeadWork} with their rules, dated within the round's life as it
 * would have happened (see {@link #record}). For generators outside findings (the {@code demo} module), not for people.
 */
@Component
public class FindingSeeding {

    private static final Lead.DispositionKind[] DISPOSITIONS = {
        Lead.DispositionKind.PRELIMINARY_CHECK,
        Lead.DispositionKind.TALK_OR_INQUIRY,
        Lead.DispositionKind.CASE_FILED,
        Lead.DispositionKind.CONCLUDED,
        Lead.DispositionKind.PRELIMINARY_CHECK,
        Lead.DispositionKind.CONCLUDED,
        Lead.DispositionKind.TALK_OR_INQUIRY
    };

    private final FindingWork work;
    private final LeadWork leads;
    private final LeadRecords leadRecords;
    private final Categories categories;
    private final Rounds rounds;
    private final FindingRecords records;
    private final Clock clock;

    FindingSeeding(
            FindingWork work,
            LeadWork leads,
            LeadRecords leadRecords,
            Categories categories,
            Rounds rounds,
            FindingRecords records,
            Clock clock) {
        this.records = records;
        this.work = work;
        this.leads = leads;
        this.leadRecords = leadRecords;
        this.categories = categories;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * Records {@code findings} approved findings in the 村居, the first {@code fixedOnTheSpot} of them fixed on the spot
     * and the last {@code leads} of them with a lead transferred; {@code offset} turns the samples (and the days) so
     * that neighbouring 村居 do not read alike. The findings are recorded during the round's fieldwork, their papers
     * submitted the next day and approved by the group leader before the exit, by the office in the days after it;
     * a lead is raised the day after the office's approval, transferred a week or two after the exit, received within
     * days and reported on mostly within the report-back period ({@code lead-report-months}), some later — a report
     * whose day has not come yet is not made. The round's fieldwork must have ended before today.
     */
    @Transactional
    public void record(
            RoundSummary round, RoundLocality locality, int findings, int fixedOnTheSpot, int leadCount, int offset) {
        if (fixedOnTheSpot + leadCount > findings) {
            throw new IllegalArgumentException("more fixes and leads than findings");
        }
        LocalDate today = LocalDate.now(clock);
        if (!round.exitDate().isBefore(today)) {
            throw new IllegalArgumentException("the fieldwork of " + round.label() + " has not ended yet");
        }
        RoundGroup group = rounds.groupOf(round.id(), locality.localityId())
                .orElseThrow(() -> new IllegalStateException(locality.name() + " has no group"));
        Caller member = caller(group, GroupRole.MEMBER);
        Caller leader = caller(group, GroupRole.LEADER);
        Caller office = new Caller("office", "巡察办", Set.of("OFFICE_STAFF"), null, null);
        Caller director = new Caller("director", "巡察办主任", Set.of("OFFICE_DIRECTOR"), null, null);
        Caller receiver =
                new Caller("receiver", "区纪委监委", Set.of("LEAD_RECEIVER"), null, ReceivingBody.DISCIPLINE_COMMISSION);
        Map<String, Long> categoryIds =
                categories.all().stream().collect(Collectors.toMap(Category::name, Category::id));
        List<FindingsDemo.Sample> samples = FindingsDemo.SAMPLES;
        LocalDate entry = round.entryDate();
        LocalDate exit = round.exitDate();
        int inField = (int) Math.max(1, ChronoUnit.DAYS.between(entry, exit) - 2);
        for (int k = 0; k < findings; k++) {
            FindingsDemo.Sample sample = samples.get((offset + k) % samples.size());
            String where = locality.name() + "：";
            // found in the field, written up the next day, agreed by the leader before the exit, by the office after
            LocalDate found = entry.plusDays(1 + (offset + (long) k * inField / Math.max(1, findings)) % inField);
            LocalDate submitted = min(found.plusDays(1), exit);
            LocalDate agreed = min(submitted.plusDays(1 + k % 2), exit);
            LocalDate approved = min(exit.plusDays(2 + (offset + k) % 7), today);
            Finding f = work.recordFor(
                    member.username(),
                    round.id(),
                    locality.localityId(),
                    new FindingWork.NewFinding(
                            categoryIds.get(sample.category()),
                            where + sample.description(),
                            sample.source(),
                            null,
                            sample.source() == SourceKind.PETITION ? "信访举报（来信）" : "",
                            sample.people(),
                            sample.amount() == null ? null : new BigDecimal(sample.amount()),
                            sample.severity()),
                    null,
                    at(found, 16));
            f = work.submit(
                    member,
                    f,
                    new Finding.Paper(sample.facts(), sample.rule(), sample.handling()),
                    f.version(),
                    at(submitted, 17));
            f = work.leaderDecides(leader, f, true, "同意，报巡察办审核。", f.version(), at(agreed, 10));
            f = work.officeDecides(office, f, true, "", f.version(), at(approved, 15));
            if (k < fixedOnTheSpot) {
                LocalDate on = exit.minusDays(1 + k % 3);
                work.fixedOnTheSpot(member, f, "巡察期间即知即改：" + sample.handling(), on, f.version(), at(approved, 16));
            } else if (k >= findings - leadCount) {
                lead(round, locality, f, sample, leader, director, receiver, approved, offset + k);
            }
        }
    }

    /** A day in the life of a round's finding or lead, for checking a seeding: what happened and when. */
    public record Dated(long findingId, String what, LocalDate on) {}

    /**
     * For checking a seeding: every day recorded for the round's findings and leads — {@code recorded}, each paper
     * step by its action ({@code SUBMITTED}, {@code LEADER_APPROVED}, {@code OFFICE_APPROVED} …), {@code fixed} (立行立改),
     * {@code lead raised}, {@code lead transferred}, {@code lead received} — in the clock's zone.
     */
    @Transactional(readOnly = true)
    public List<Dated> daysOfRound(RoundId round) {
        List<Long> localities = rounds.allLocalities(round).stream()
                .map(RoundLocality::localityId)
                .toList();
        List<Dated> days = new ArrayList<>();
        for (Finding f : records.ofRound(round, localities, null)) {
            days.add(new Dated(f.id(), "recorded", day(f.recordedAt())));
            for (PaperStep step : records.steps(f.id())) {
                days.add(new Dated(f.id(), step.action().name(), day(step.at())));
            }
            if (f.fixedOn() != null) {
                days.add(new Dated(f.id(), "fixed", f.fixedOn()));
            }
        }
        List<String> pairs = localities.stream().map(l -> round + ":" + l).toList();
        for (Lead lead : leadRecords.register(new LeadRecords.Filter(null, null, pairs))) {
            long finding = lead.findingId() == null ? 0 : lead.findingId();
            days.add(new Dated(finding, "lead raised", day(lead.raisedAt())));
            if (lead.transferredOn() != null) {
                days.add(new Dated(finding, "lead transferred", lead.transferredOn()));
            }
            if (lead.receivedAt() != null) {
                days.add(new Dated(finding, "lead received", day(lead.receivedAt())));
            }
        }
        return days;
    }

    private LocalDate day(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }

    /** A lead on the finding: raised, transferred, received and reported on, each on its day (none after today). */
    private void lead(
            RoundSummary round,
            RoundLocality locality,
            Finding finding,
            FindingsDemo.Sample sample,
            Caller leader,
            Caller director,
            Caller receiver,
            LocalDate approved,
            int turn) {
        LocalDate today = LocalDate.now(clock);
        LocalDate raised = min(approved.plusDays(1), today);
        long id = leads.raise(
                leader,
                round.id(),
                locality.localityId(),
                finding.id(),
                new LeadWork.NewLead(
                        sample.people(),
                        locality.name() + "：" + sample.facts(),
                        sample.amount() == null ? null : new BigDecimal(sample.amount()),
                        ReceivingBody.DISCIPLINE_COMMISSION,
                        "",
                        Lead.Sensitivity.SENSITIVE),
                at(raised, 11));
        LocalDate transferred = min(max(round.exitDate().plusDays(10 + turn % 8), raised), today);
        Lead lead = leadRecords.find(id).orElseThrow();
        lead = leads.transfer(director, lead, lead.version(), transferred);
        LocalDate received = transferred.plusDays(1 + turn % 4);
        if (received.isAfter(today)) {
            return;
        }
        lead = leads.receive(receiver, lead, lead.version(), at(received, 9));
        // most within the report-back period, one in seven later
        LocalDate due = transferred.plusMonths(leads.reportMonths());
        long withinDays = ChronoUnit.DAYS.between(received, due);
        LocalDate reported = turn % 7 == 3
                ? due.plusDays(5 + turn % 30)
                : received.plusDays(14 + turn % Math.max(1, withinDays - 14));
        if (reported.isAfter(today)) {
            return;
        }
        leads.reportDisposition(
                receiver,
                lead,
                DISPOSITIONS[turn % DISPOSITIONS.length],
                reported,
                "已按程序处置，详见处置情况报告。",
                lead.version(),
                at(reported, 15));
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, (hour * 7) % 60).atZone(clock.getZone()).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Caller caller(RoundGroup group, GroupRole role) {
        RoundGroup.Member m = group.members().stream()
                .filter(x -> x.role() == role)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(group.name() + " has no " + role));
        return new Caller(
                m.name(),
                m.name(),
                Set.of(role == GroupRole.LEADER ? "GROUP_LEADER" : "GROUP_MEMBER"),
                m.inspector(),
                null);
    }
}
