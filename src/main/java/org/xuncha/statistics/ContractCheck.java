package org.xuncha.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.fieldwork.FieldworkFigures;
import org.xuncha.findings.Findings;
import org.xuncha.intake.Petitions;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.rectification.Rectifications;
import org.xuncha.rectification.TownshipFigures;

/**
 * 数据核对 (reconciliation), two checks for each round in the caller's scope. The contract: the reporting views' counts
 * against what the owning modules' public APIs return for the same round and scope. The tallies (统计读模型, from which
 * the scorecard reads its large figures): each tally against its view, group by group (round, township, and the
 * columns it keeps), through {@code statistics.tally_differences}.
 */
@Service
class ContractCheck {

    /** One comparison: the item, the round, the view's count and the owning module's. */
    public record Line(String item, long roundId, String round, long view, long module, long groupsDiffering) {

        public Line(String item, long roundId, String round, long view, long module) {
            this(item, roundId, round, view, module, 0);
        }

        public boolean equal() {
            return view == module && groupsDiffering == 0;
        }
    }

    private final Scorecard scorecard;
    private final Findings findings;
    private final FieldworkFigures fieldwork;
    private final Petitions petitions;
    private final Rectifications rectifications;
    private final JdbcClient jdbc;

    ContractCheck(
            Scorecard scorecard,
            Findings findings,
            FieldworkFigures fieldwork,
            Petitions petitions,
            Rectifications rectifications,
            JdbcClient jdbc) {
        this.scorecard = scorecard;
        this.findings = findings;
        this.fieldwork = fieldwork;
        this.petitions = petitions;
        this.rectifications = rectifications;
        this.jdbc = jdbc;
    }

    /** The comparisons for every round in scope (any period), as the caller. */
    @Transactional(readOnly = true)
    List<Line> run(Selection scopeOnly, RegionScope scope, Authentication caller) {
        List<Line> lines = new ArrayList<>();
        for (Scorecard.RoundOption option : scorecard.rounds(scopeOnly)) {
            Selection round = new Selection(
                    scopeOnly.scopePrefixes(),
                    "%",
                    java.time.LocalDate.of(1900, 1, 1),
                    java.time.LocalDate.of(9999, 12, 31),
                    option.id(),
                    null,
                    scopeOnly.today());
            RoundId id = new RoundId(option.id());
            String label = (option.kind().equals("PILOT")
                            ? "试点轮"
                            : (option.kind().equals("REVISIT") ? "回访" : "") + "第" + option.number() + "轮")
                    + "（" + option.entryDate() + "）";
            lines.add(new Line(
                    "FINDINGS",
                    option.id(),
                    label,
                    jdbc.sql("select count(*) from statistics.finding_record where round_id = :round")
                            .param("round", option.id())
                            .query(Long.class)
                            .single(),
                    findings.ofRound(id).size()));
            lines.add(new Line(
                    "FINDINGS_APPROVED",
                    option.id(),
                    label,
                    unscoped(Figure.FINDINGS, option.id()),
                    findings.approvedOfRound(id).size()));
            lines.add(new Line(
                    "LEADS_TRANSFERRED",
                    option.id(),
                    label,
                    unscoped(Figure.LEADS_TRANSFERRED, option.id()),
                    findings.leadTally(id).transferred()));
            FieldworkFigures.RoundFigures work = fieldwork.ofRound(id, scope, caller);
            lines.add(new Line("TALKS", option.id(), label, scorecard.value(Figure.TALKS, round), work.talks()));
            lines.add(new Line(
                    "TALK_PERSON_TIMES",
                    option.id(),
                    label,
                    scorecard.value(Figure.TALK_PERSON_TIMES, round),
                    work.personTimes()));
            lines.add(new Line(
                    "NOTICES_POSTED",
                    option.id(),
                    label,
                    scorecard.value(Figure.NOTICES_POSTED, round),
                    work.noticesPosted()));
            lines.add(new Line(
                    "PETITIONS",
                    option.id(),
                    label,
                    scorecard.value(Figure.PETITIONS_RECEIVED, round),
                    petitions.count(id, scope)));
            List<TownshipFigures> tasks = rectifications.figures(scope, option.id());
            lines.add(new Line(
                    "TASKS",
                    option.id(),
                    label,
                    scorecard.value(Figure.TASKS, round),
                    tasks.stream().mapToLong(TownshipFigures::total).sum()));
            lines.add(new Line(
                    "TASKS_CLOSED_OUT",
                    option.id(),
                    label,
                    scorecard.value(Figure.TASKS_CLOSED_OUT, round),
                    tasks.stream().mapToLong(TownshipFigures::closedOut).sum()));
            if (scorecard.talliesServe(scopeOnly)) {
                for (Source source : Source.values()) {
                    if (source.tally() != null) {
                        lines.add(tallied(source, option.id(), label, round));
                    }
                }
            }
        }
        return lines;
    }

    /** A source's records of the round in scope, its tally's count of them, and the tally groups that differ. */
    private Line tallied(Source source, long roundId, String label, Selection round) {
        Map<String, Object> params = round.params();
        String where = " v where v.round_id = :round and " + round.pathIn("v.path");
        long records = jdbc.sql("select count(*) from " + source.view() + where)
                .params(params)
                .query(Long.class)
                .single();
        long tallied = jdbc.sql("select coalesce(sum(v.n), 0) from " + source.tally() + where)
                .params(params)
                .query(Long.class)
                .single();
        long differing = jdbc.sql("select count(*) from statistics.tally_differences(:kind, array[:round]::bigint[]) v"
                        + " where " + round.pathIn("v.path"))
                .params(params)
                .param("kind", source.tallyKind())
                .query(Long.class)
                .single();
        return new Line("TALLY_" + source.name(), roundId, label, records, tallied, differing);
    }

    /** The figure for a round over every region (the findings module's round queries are not scoped). */
    private long unscoped(Figure figure, long roundId) {
        return scorecard.value(
                figure,
                new Selection(
                        List.of("%"),
                        "%",
                        java.time.LocalDate.of(1900, 1, 1),
                        java.time.LocalDate.of(9999, 12, 31),
                        roundId,
                        null,
                        java.time.LocalDate.now()));
    }
}
