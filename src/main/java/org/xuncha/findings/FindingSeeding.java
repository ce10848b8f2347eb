package org.xuncha.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Findings as a demo generator records them (问题生成): for one 村居 of a round, findings recorded by a member of its
 * group, their working papers submitted, approved by the group leader and by the office; some of them 立行立改 and
 * some with a lead raised and transferred by the director to 区纪委监委 — each step through {@link FindingWork} and
 * {@link LeadWork} with their rules. For generators outside findings (the {@code demo} module), not for people.
 */
@Component
public class FindingSeeding {

    private final FindingWork work;
    private final LeadWork leads;
    private final LeadRecords leadRecords;
    private final Categories categories;
    private final Rounds rounds;

    FindingSeeding(FindingWork work, LeadWork leads, LeadRecords leadRecords, Categories categories, Rounds rounds) {
        this.work = work;
        this.leads = leads;
        this.leadRecords = leadRecords;
        this.categories = categories;
        this.rounds = rounds;
    }

    /**
     * Records {@code findings} approved findings in the 村居, the first {@code fixedOnTheSpot} of them fixed on the spot
     * and the last {@code leads} of them with a lead transferred; {@code offset} turns the samples so that neighbouring
     * 村居 do not read alike.
     */
    @Transactional
    public void record(
            RoundSummary round, RoundLocality locality, int findings, int fixedOnTheSpot, int leadCount, int offset) {
        if (fixedOnTheSpot + leadCount > findings) {
            throw new IllegalArgumentException("more fixes and leads than findings");
        }
        RoundGroup group = rounds.groupOf(round.id(), locality.localityId())
                .orElseThrow(() -> new IllegalStateException(locality.name() + " has no group"));
        Caller member = caller(group, GroupRole.MEMBER);
        Caller leader = caller(group, GroupRole.LEADER);
        Caller office = new Caller("office", "巡察办", Set.of("OFFICE_STAFF"), null, null);
        Caller director = new Caller("director", "巡察办主任", Set.of("OFFICE_DIRECTOR"), null, null);
        Map<String, Long> categoryIds =
                categories.all().stream().collect(Collectors.toMap(Category::name, Category::id));
        List<FindingsDemo.Sample> samples = FindingsDemo.SAMPLES;
        for (int k = 0; k < findings; k++) {
            FindingsDemo.Sample sample = samples.get((offset + k) % samples.size());
            String where = locality.name() + "：";
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
                    null);
            f = work.submit(
                    member, f, new Finding.Paper(sample.facts(), sample.rule(), sample.handling()), f.version());
            f = work.leaderDecides(leader, f, true, "同意，报巡察办审核。", f.version());
            f = work.officeDecides(office, f, true, "", f.version());
            if (k < fixedOnTheSpot) {
                LocalDate on = round.exitDate().minusDays(1 + k % 3);
                work.fixedOnTheSpot(member, f, "巡察期间即知即改：" + sample.handling(), on, f.version());
            } else if (k >= findings - leadCount) {
                long id = leads.raise(
                        leader,
                        round.id(),
                        locality.localityId(),
                        f.id(),
                        new LeadWork.NewLead(
                                sample.people(),
                                where + sample.facts(),
                                sample.amount() == null ? null : new BigDecimal(sample.amount()),
                                ReceivingBody.DISCIPLINE_COMMISSION,
                                "",
                                Lead.Sensitivity.SENSITIVE));
                Lead lead = leadRecords.find(id).orElseThrow();
                leads.transfer(director, lead, lead.version());
            }
        }
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
