package org.xuncha.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * The analysis of rectification (整改分析): per township and category open, overdue, closed-out and returned tasks,
 * the on-time rate, recurrences and the problems common to several 村居 of a township; the round's summary .docx.
 */
@Controller
class AnalysisController {

    /** Common problems: the same category in at least this many 村居 of one township. */
    static final int COMMON_LOCALITIES = 2;

    private final Rectifications rectifications;
    private final Tasks tasks;
    private final Rounds rounds;
    private final RectificationDocuments documents;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    AnalysisController(
            Rectifications rectifications,
            Tasks tasks,
            Rounds rounds,
            RectificationDocuments documents,
            Regions regions,
            AuditLog audit,
            Clock clock) {
        this.rectifications = rectifications;
        this.tasks = tasks;
        this.rounds = rounds;
        this.documents = documents;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/rectification/analysis")
    @PreAuthorize(Access.ANALYSIS)
    String analysis(
            @RequestParam(required = false) @Nullable Long round,
            RegionScope scope,
            Authentication caller,
            Model model) {
        TaskScope taskScope = TaskScope.of(scope, caller, regions);
        List<TownshipFigures> figures = rectifications.figures(taskScope, round);
        model.addAttribute("figures", figures);
        model.addAttribute(
                "common",
                figures.stream()
                        .filter(f -> f.localities() >= COMMON_LOCALITIES)
                        .toList());
        model.addAttribute("rounds", rounds.visible(scope, caller, 0, 50).items());
        model.addAttribute("round", round);
        model.addAttribute(
                "total", figures.stream().mapToInt(TownshipFigures::total).sum());
        model.addAttribute(
                "closedOut",
                figures.stream().mapToInt(TownshipFigures::closedOut).sum());
        model.addAttribute(
                "overdue", figures.stream().mapToInt(TownshipFigures::overdue).sum());
        model.addAttribute(
                "returned", figures.stream().mapToInt(TownshipFigures::returned).sum());
        model.addAttribute(
                "recurring",
                figures.stream().mapToInt(TownshipFigures::recurring).sum());
        return "rectification/analysis";
    }

    @GetMapping("/rectification/rounds/{roundId}/summary.docx")
    @PreAuthorize(Access.ANALYSIS)
    ResponseEntity<byte[]> summary(@PathVariable long roundId, RegionScope scope, Authentication caller) {
        RoundSummary round = rounds.find(new RoundId(roundId), scope, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        TaskScope taskScope = TaskScope.of(scope, caller, regions);
        byte[] bytes = documents.roundSummary(
                round.termName() + round.label(),
                rectifications.figures(taskScope, roundId),
                tasks.list(new Tasks.Filter(roundId, null, null, false), taskScope),
                LocalDate.now(clock));
        String name = round.termName() + round.label() + "巡察整改工作情况汇总.docx";
        audit.record(AuditAction.EXPORT, "RectificationSummary", roundId, AuditOutcome.SUCCESS, name);
        return PlanController.download(bytes, name, RectificationDocuments.DOCX);
    }
}
