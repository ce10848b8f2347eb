package org.xuncha.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.findings.Findings;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * The round report (巡察情况报告): the editor with the draft from the records, its .docx, finalizing (which seals the
 * dossier) and the seal check.
 */
@Controller
class ReportController {

    /** The report's sections as edited. */
    record ReportForm(
            @NotBlank @Size(max = 20000) String overview,
            @NotBlank @Size(max = 20000) String workDone,
            @NotBlank @Size(max = 20000) String findingsText,
            @NotBlank @Size(max = 20000) String commonProblems,
            @NotBlank @Size(max = 20000) String recommendations,
            int version) {

        static ReportForm of(RoundReport report) {
            return of(report.sections(), report.version());
        }

        static ReportForm of(RoundReport.Sections s, int version) {
            return new ReportForm(
                    s.overview(), s.workDone(), s.findingsText(), s.commonProblems(), s.recommendations(), version);
        }

        RoundReport.Sections sections() {
            return new RoundReport.Sections(
                    overview.strip(),
                    workDone.strip(),
                    findingsText.strip(),
                    commonProblems.strip(),
                    recommendations.strip());
        }
    }

    private final RoundDossier dossier;
    private final RoundReports reports;
    private final Rounds rounds;
    private final Findings findings;
    private final FeedbackDocuments documents;
    private final FeedbackMessages messages;
    private final FeedbackAudit audit;
    private final Clock clock;

    ReportController(
            RoundDossier dossier,
            RoundReports reports,
            Rounds rounds,
            Findings findings,
            FeedbackDocuments documents,
            FeedbackMessages messages,
            FeedbackAudit audit,
            Clock clock) {
        this.dossier = dossier;
        this.reports = reports;
        this.rounds = rounds;
        this.findings = findings;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/feedback/rounds/{roundId}/report")
    @PreAuthorize(Access.REPORT)
    String report(@PathVariable long roundId, RegionScope scope, Authentication caller, Model model) {
        RoundSummary round = round(roundId, scope, caller);
        RoundReport report = dossier.report(
                round,
                rounds.groups(round.id(), scope, caller),
                rounds.localities(round.id(), scope),
                caller.getName(),
                clock.instant());
        model.addAttribute("round", round);
        model.addAttribute("report", report);
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", ReportForm.of(report));
        }
        model.addAttribute("check", dossier.check(round.id()).orElse(null));
        return "feedback/report";
    }

    @PostMapping("/feedback/rounds/{roundId}/report")
    @PreAuthorize(Access.REPORT)
    String save(
            @PathVariable long roundId,
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        RoundSummary round = round(roundId, scope, caller);
        RoundReport report = existing(round);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("reportForm", form);
            redirect.addFlashAttribute("error", messages.of("report.invalid"));
            return "redirect:/feedback/rounds/" + roundId + "/report";
        }
        try {
            dossier.revise(round, report, form.sections(), form.version(), caller.getName());
            redirect.addFlashAttribute("saved", messages.of("feedback.saved"));
        } catch (FeedbackRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/feedback/rounds/" + roundId + "/report";
    }

    /** Replaces the sections with a fresh draft from the records (the editor still has to save it). */
    @PostMapping("/feedback/rounds/{roundId}/report/redraft")
    @PreAuthorize(Access.REPORT)
    String redraft(
            @PathVariable long roundId,
            @RequestParam int version,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        RoundSummary round = round(roundId, scope, caller);
        RoundReport.Sections draft =
                dossier.draft(round, rounds.groups(round.id(), scope, caller), rounds.localities(round.id(), scope));
        redirect.addFlashAttribute("reportForm", ReportForm.of(draft, version));
        redirect.addFlashAttribute("saved", messages.of("report.redrafted"));
        return "redirect:/feedback/rounds/" + roundId + "/report";
    }

    @PostMapping("/feedback/rounds/{roundId}/report/finalize")
    @PreAuthorize(Access.REPORT)
    String finalizeReport(
            @PathVariable long roundId,
            @RequestParam int version,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        RoundSummary round = round(roundId, scope, caller);
        RoundReport report = existing(round);
        try {
            RoundDossier.SealCheck sealed = dossier.finalizeAndSeal(
                    round, report, rounds.localities(round.id(), scope), version, caller.getName(), clock.instant());
            redirect.addFlashAttribute("saved", messages.of("report.sealed", sealed.parts(), sealed.digest()));
        } catch (FeedbackRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/feedback/rounds/" + roundId + "/report";
    }

    @GetMapping("/feedback/rounds/{roundId}/seal")
    @PreAuthorize(Access.REPORT)
    String seal(@PathVariable long roundId, RegionScope scope, Authentication caller, Model model) {
        RoundSummary round = round(roundId, scope, caller);
        RoundDossier.SealCheck check =
                dossier.check(round.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(
                AuditAction.CHAIN_VERIFIED,
                "RoundDossier",
                roundId,
                check.intact() ? "intact" : check.changes().size() + " parts changed");
        model.addAttribute("round", round);
        model.addAttribute("check", check);
        return "feedback/seal";
    }

    @GetMapping("/feedback/rounds/{roundId}/report.docx")
    @PreAuthorize(Access.REPORT)
    ResponseEntity<byte[]> docx(@PathVariable long roundId, RegionScope scope, Authentication caller) {
        RoundSummary round = round(roundId, scope, caller);
        Map.Entry<String, byte[]> sealed =
                dossier.sealedDocument(round.id(), "report").orElse(null);
        if (sealed != null) {
            audit.record(AuditAction.EXPORT, "RoundReport", roundId, sealed.getKey() + " (sealed)");
            return FeedbackController.download(sealed.getKey(), FeedbackDocuments.DOCX, sealed.getValue());
        }
        RoundReport report = existing(round);
        List<String> townships = new ArrayList<>(new LinkedHashSet<>(rounds.localities(round.id(), scope).stream()
                .map(RoundLocality::townshipName)
                .toList()));
        String name = round.termName() + round.label() + "巡察村居工作情况报告（稿）.docx";
        audit.record(AuditAction.EXPORT, "RoundReport", roundId, name);
        return FeedbackController.download(
                name,
                FeedbackDocuments.DOCX,
                documents.report(
                        round,
                        report,
                        ReportDrafting.categoryTable(findings.approvedOfRound(round.id()), townships),
                        townships,
                        LocalDate.now(clock)));
    }

    private RoundReport existing(RoundSummary round) {
        return reports.find(round.id())
                .orElseThrow(() -> new OptimisticLockingFailureException("round report " + round.id() + " not found"));
    }

    private RoundSummary round(long id, RegionScope scope, Authentication caller) {
        return rounds.find(new RoundId(id), scope, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
