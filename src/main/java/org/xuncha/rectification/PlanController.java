package org.xuncha.rectification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/** A township's rectification plan, its report (.docx), and the ledger (.xlsx) of the tasks the caller may see. */
@Controller
class PlanController {

    private final Plans plans;
    private final Tasks tasks;
    private final TaskChanges changes;
    private final TaskController taskRows;
    private final RectificationDocuments documents;
    private final Regions regions;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    PlanController(
            Plans plans,
            Tasks tasks,
            TaskChanges changes,
            TaskController taskRows,
            RectificationDocuments documents,
            Regions regions,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.plans = plans;
        this.tasks = tasks;
        this.changes = changes;
        this.taskRows = taskRows;
        this.documents = documents;
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/rectification/plans/{id}")
    @PreAuthorize(Access.VIEW)
    String plan(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        return page(load(id, scope, caller), model, List.of());
    }

    @PostMapping("/rectification/plans/{id}")
    @PreAuthorize(Access.TOWNSHIP)
    String write(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam String summary,
            @RequestParam(defaultValue = "false") boolean submit,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationPlan plan = current(load(id, scope, caller), version);
        try {
            RectificationPlan written = changes.writePlan(plan, summary, caller.getName());
            if (submit) {
                changes.submitPlan(
                        new RectificationPlan(
                                written.id(),
                                written.feedbackId(),
                                written.roundId(),
                                written.townshipId(),
                                written.townshipName(),
                                written.townshipPath(),
                                written.issuedOn(),
                                written.reportDue(),
                                written.state(),
                                written.summary(),
                                written.officeNote(),
                                written.version() + 1),
                        caller.getName());
            }
            return "redirect:/rectification/plans/" + id;
        } catch (RectificationRuleViolation violation) {
            return page(plan, model, List.of(messages.getMessage("violation." + violation.key(), null, locale)));
        }
    }

    @PostMapping("/rectification/plans/{id}/decision")
    @PreAuthorize(Access.OFFICE)
    String decide(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam boolean approve,
            @RequestParam(required = false) @Nullable String note,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationPlan plan = current(load(id, scope, caller), version);
        try {
            changes.decidePlan(plan, approve, note, caller.getName());
            return "redirect:/rectification/plans/" + id;
        } catch (RectificationRuleViolation violation) {
            return page(plan, model, List.of(messages.getMessage("violation." + violation.key(), null, locale)));
        }
    }

    @GetMapping("/rectification/plans/{id}/report.docx")
    @PreAuthorize(Access.VIEW)
    ResponseEntity<byte[]> report(@PathVariable long id, RegionScope scope, Authentication caller) {
        RectificationPlan plan = load(id, scope, caller);
        byte[] bytes = documents.townshipReport(plan, tasks.ofPlan(plan.id()), LocalDate.now(clock));
        String name = plan.townshipName() + "巡察整改情况报告.docx";
        audit.record(AuditAction.EXPORT, "RectificationPlan", id, AuditOutcome.SUCCESS, name);
        return download(bytes, name, RectificationDocuments.DOCX);
    }

    @GetMapping("/rectification/ledger.xlsx")
    @PreAuthorize(Access.VIEW)
    ResponseEntity<byte[]> ledger(
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @Nullable Long township,
            RegionScope scope,
            Authentication caller) {
        List<RectificationTask> found =
                tasks.list(new Tasks.Filter(round, township, null, false), TaskScope.of(scope, caller, regions));
        byte[] bytes = documents.ledger(taskRows.rows(found));
        audit.record(AuditAction.EXPORT, "RectificationTask", null, AuditOutcome.SUCCESS, "整改台账 " + found.size());
        return download(bytes, "整改台账.xlsx", RectificationDocuments.XLSX);
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(type))
                .body(bytes);
    }

    private String page(RectificationPlan plan, Model model, List<String> errors) {
        model.addAttribute("plan", plan);
        model.addAttribute("rows", taskRows.rows(tasks.ofPlan(plan.id())));
        model.addAttribute("errors", errors);
        return "rectification/plan";
    }

    private static RectificationPlan current(RectificationPlan plan, int version) {
        if (plan.version() != version) {
            throw new org.springframework.dao.OptimisticLockingFailureException("plan changed since it was read");
        }
        return plan;
    }

    private RectificationPlan load(long id, RegionScope scope, Authentication caller) {
        return plans.find(id, TaskScope.of(scope, caller, regions))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
