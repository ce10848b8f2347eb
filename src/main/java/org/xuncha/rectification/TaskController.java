package org.xuncha.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.files.FileRejected;
import org.xuncha.files.FileStore;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * The rectification ledger and each task: the township writes the plan and progress with evidence and submits it;
 * a supervision group or the office returns it with the reason or closes it out (销号).
 */
@Controller
class TaskController {

    /** Default public reply when a task that came from a petition is closed out. */
    static final String DEFAULT_REPLY = "您反映的问题已纳入巡察整改，经督导核查已整改到位并销号。感谢您对巡察工作的支持！";

    private final Tasks tasks;
    private final Plans plans;
    private final TaskChanges changes;
    private final HolidayCalendar calendar;
    private final WarningSettingsStore warningSettings;
    private final Regions regions;
    private final FileStore files;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    TaskController(
            Tasks tasks,
            Plans plans,
            TaskChanges changes,
            HolidayCalendar calendar,
            WarningSettingsStore warningSettings,
            Regions regions,
            FileStore files,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.tasks = tasks;
        this.plans = plans;
        this.changes = changes;
        this.calendar = calendar;
        this.warningSettings = warningSettings;
        this.regions = regions;
        this.files = files;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** A task as a list row or page shows it, with its working days left and warning colour. */
    record TaskRow(RectificationTask task, int remaining, WarningColour colour) {}

    @GetMapping("/rectification")
    @PreAuthorize(Access.VIEW)
    String list(
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @Nullable Long township,
            @RequestParam(required = false) @Nullable TaskState state,
            RegionScope scope,
            Authentication caller,
            Model model) {
        TaskScope taskScope = TaskScope.of(scope, caller, regions);
        List<RectificationTask> found = tasks.list(new Tasks.Filter(round, township, state, false), taskScope);
        model.addAttribute("rows", rows(found));
        model.addAttribute("plans", plans.list(taskScope));
        model.addAttribute("states", TaskState.values());
        model.addAttribute("state", state);
        model.addAttribute("round", round);
        model.addAttribute("township", township);
        return "rectification/tasks";
    }

    @GetMapping("/rectification/petitions")
    @PreAuthorize(Access.OFFICE)
    String petitions(RegionScope scope, Authentication caller, Model model) {
        model.addAttribute(
                "rows",
                rows(tasks.list(new Tasks.Filter(null, null, null, true), TaskScope.of(scope, caller, regions))));
        return "rectification/petitions";
    }

    @GetMapping("/rectification/tasks/{id}")
    @PreAuthorize(Access.VIEW)
    String task(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        RectificationTask task = load(id, scope, caller);
        return page(task, model);
    }

    @PostMapping("/rectification/tasks/{id}/plan")
    @PreAuthorize(Access.TOWNSHIP)
    String plan(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam String measures,
            @RequestParam String responsible,
            @RequestParam(defaultValue = "false") boolean longTerm,
            @RequestParam(required = false) @Nullable String longTermReason,
            @RequestParam(required = false) @Nullable String milestones,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationTask task = current(load(id, scope, caller), version);
        List<String> problems = new ArrayList<>();
        if (measures.isBlank()) {
            problems.add(messages.getMessage("task.measures.required", null, locale));
        }
        if (responsible.isBlank()) {
            problems.add(messages.getMessage("task.responsible.required", null, locale));
        }
        List<RectificationTask.Milestone> parsed = new ArrayList<>();
        int line = 0;
        for (String text : (milestones == null ? "" : milestones).split("\\R")) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] parts = text.strip().split("\\s+", 2);
            try {
                parsed.add(
                        new RectificationTask.Milestone(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : ""));
            } catch (DateTimeParseException e) {
                problems.add(messages.getMessage("task.milestone.invalid", new Object[] {line, text.strip()}, locale));
            }
        }
        if (problems.isEmpty()) {
            try {
                changes.plan(task, measures, responsible, longTerm, longTermReason, parsed, caller.getName());
                return "redirect:/rectification/tasks/" + id;
            } catch (RectificationRuleViolation violation) {
                problems.add(message(violation, locale));
            }
        }
        model.addAttribute("errors", problems);
        return page(task, model);
    }

    @PostMapping("/rectification/tasks/{id}/start")
    @PreAuthorize(Access.TOWNSHIP)
    String start(
            @PathVariable long id,
            @RequestParam int version,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationTask task = current(load(id, scope, caller), version);
        return act(task, model, locale, () -> changes.start(task, caller.getName()));
    }

    @PostMapping("/rectification/tasks/{id}/evidence")
    @PreAuthorize(Access.TOWNSHIP)
    String evidence(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String note,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale)
            throws IOException {
        RectificationTask task = load(id, scope, caller);
        boolean hasFile = file != null && !file.isEmpty();
        try {
            changes.addEvidence(
                    task,
                    hasFile ? file.getOriginalFilename() : null,
                    hasFile ? file.getBytes() : null,
                    note,
                    caller.getName());
            return "redirect:/rectification/tasks/" + id + "#evidence";
        } catch (FileRejected rejected) {
            model.addAttribute("errors", List.of(messages.getMessage(rejected.messageKey(), rejected.args(), locale)));
        } catch (RectificationRuleViolation violation) {
            model.addAttribute("errors", List.of(message(violation, locale)));
        }
        return page(task, model);
    }

    @GetMapping("/rectification/tasks/{id}/evidence/{evidenceId}")
    @PreAuthorize(Access.VIEW)
    ResponseEntity<InputStreamResource> download(
            @PathVariable long id, @PathVariable long evidenceId, RegionScope scope, Authentication caller) {
        RectificationTask task = load(id, scope, caller);
        Tasks.Evidence evidence = tasks.evidence(task.id(), evidenceId)
                .filter(e -> e.fileId() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        InputStream content =
                files.open(evidence.fileId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(AuditAction.EXPORT, "RectificationEvidence", evidenceId, AuditOutcome.SUCCESS, "task " + id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        evidence.fileName() == null ? "evidence" : evidence.fileName(),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(
                        evidence.contentType() == null ? "application/octet-stream" : evidence.contentType()))
                .body(new InputStreamResource(content));
    }

    @PostMapping("/rectification/tasks/{id}/submit")
    @PreAuthorize(Access.TOWNSHIP)
    String submit(
            @PathVariable long id,
            @RequestParam int version,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationTask task = current(load(id, scope, caller), version);
        return act(task, model, locale, () -> changes.submit(task, caller.getName()));
    }

    @PostMapping("/rectification/tasks/{id}/return")
    @PreAuthorize(Access.VERIFY)
    String returnTask(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam ReturnReason reason,
            @RequestParam String note,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationTask task = current(load(id, scope, caller), version);
        return act(task, model, locale, () -> changes.returnFor(task, reason, note, caller.getName()));
    }

    @PostMapping("/rectification/tasks/{id}/close")
    @PreAuthorize(Access.VERIFY)
    String close(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String publicReply,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        RectificationTask task = current(load(id, scope, caller), version);
        return act(task, model, locale, () -> changes.closeOut(task, note, publicReply, caller.getName()));
    }

    private String act(RectificationTask task, Model model, Locale locale, Runnable change) {
        try {
            change.run();
            return "redirect:/rectification/tasks/" + task.id();
        } catch (RectificationRuleViolation violation) {
            model.addAttribute("errors", List.of(message(violation, locale)));
            return page(task, model);
        }
    }

    private String page(RectificationTask task, Model model) {
        model.addAttribute("row", rows(List.of(task)).get(0));
        model.addAttribute("t", task);
        model.addAttribute(
                "plan", plans.find(task.planId(), TaskScope.everything()).orElseThrow());
        List<RectificationTask.Milestone> milestones = tasks.milestones(task.id());
        model.addAttribute("milestones", milestones);
        model.addAttribute(
                "milestoneText",
                String.join(
                        "\n",
                        milestones.stream()
                                .map(m -> m.due() + " " + m.description())
                                .toList()));
        model.addAttribute("evidence", tasks.evidenceOf(task.id()));
        model.addAttribute("history", tasks.historyOf(task.id()));
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("defaultReply", DEFAULT_REPLY);
        model.addAttribute("maxBytes", TaskChanges.MAX_EVIDENCE_BYTES);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "rectification/task";
    }

    List<TaskRow> rows(List<RectificationTask> found) {
        WorkingDays days = calendar.workingDays();
        WarningSettings settings = warningSettings.current();
        LocalDate today = LocalDate.now(clock);
        return found.stream()
                .map(t -> {
                    int remaining = days.remaining(today, t.deadline());
                    return new TaskRow(
                            t, remaining, WarningColour.of(t.state(), today, t.deadline(), remaining, settings));
                })
                .toList();
    }

    /** The task as the form saw it: a stale version is a conflict (409), never a silent overwrite. */
    private static RectificationTask current(RectificationTask task, int version) {
        if (task.version() != version) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "task " + task.id() + " changed since it was read");
        }
        return task;
    }

    private RectificationTask load(long id, RegionScope scope, Authentication caller) {
        return tasks.find(id, TaskScope.of(scope, caller, regions))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String message(RectificationRuleViolation violation, Locale locale) {
        Object[] args = violation.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && s.equals(s.toUpperCase(Locale.ROOT)) && !s.isEmpty()) {
                args[i] = messages.getMessage("taskState." + s, null, s, locale);
            }
        }
        return messages.getMessage("violation." + violation.key(), args, locale);
    }
}
