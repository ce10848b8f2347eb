package org.xuncha.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * Supervision (督导): the caller's groups and townships, the tasks awaiting verification there, the visits recorded
 * and a new visit with the tasks checked, opinions and a grade per indicator.
 */
@Controller
class SupervisionController {

    private final SupervisionGroups groups;
    private final Tasks tasks;
    private final TaskController taskRows;
    private final Regions regions;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    SupervisionController(
            SupervisionGroups groups,
            Tasks tasks,
            TaskController taskRows,
            Regions regions,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.groups = groups;
        this.tasks = tasks;
        this.taskRows = taskRows;
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/supervision")
    @PreAuthorize(Access.SUPERVISE)
    String supervision(RegionScope scope, Authentication caller, Model model) {
        TaskScope taskScope = TaskScope.of(scope, caller, regions);
        List<SupervisionGroups.Group> mine =
                taskScope.supervisor().isEmpty() ? groups.all() : groups.ofMember(caller.getName());
        model.addAttribute("groups", mine);
        model.addAttribute(
                "awaiting",
                taskRows.rows(tasks.list(new Tasks.Filter(null, null, TaskState.SUBMITTED, false), taskScope)));
        model.addAttribute("tasks", tasks.list(Tasks.Filter.none(), taskScope));
        model.addAttribute("visits", groups.visits(taskScope));
        model.addAttribute("indicators", groups.indicators(true));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "rectification/supervision";
    }

    @PostMapping("/supervision/visits")
    @PreAuthorize(Access.SUPERVISE)
    @Transactional
    String recordVisit(
            @RequestParam long group,
            @RequestParam long township,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate visitedOn,
            @RequestParam String localities,
            @RequestParam String opinions,
            @RequestParam(required = false) @Nullable List<Long> task,
            @RequestParam Map<String, String> form,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect,
            Locale locale) {
        TaskScope taskScope = TaskScope.of(scope, caller, regions);
        List<SupervisionGroups.Group> allowed =
                taskScope.supervisor().isEmpty() ? groups.all() : groups.ofMember(caller.getName());
        SupervisionGroups.Group chosen = allowed.stream()
                .filter(g -> g.id() == group)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SupervisionGroups.Township visited = chosen.townships().stream()
                .filter(t -> t.id() == township)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (visitedOn == null || localities.isBlank() || opinions.isBlank()) {
            redirect.addFlashAttribute("error", messages.getMessage("visit.invalid", null, locale));
            return "redirect:/supervision#new-visit";
        }
        List<Long> checked = new ArrayList<>();
        for (Long id : task == null ? List.<Long>of() : task) {
            tasks.find(id, taskScope).filter(t -> t.townshipId() == township).ifPresent(t -> checked.add(t.id()));
        }
        Map<Long, Grade> scores = new HashMap<>();
        for (SupervisionGroups.Indicator indicator : groups.indicators(true)) {
            String value = form.get("grade_" + indicator.id());
            if (value != null && !value.isBlank()) {
                scores.put(indicator.id(), Grade.valueOf(value));
            }
        }
        long id = groups.recordVisit(
                chosen.id(),
                visited,
                visitedOn,
                localities.strip(),
                opinions.strip(),
                checked,
                scores,
                caller.getName(),
                Instant.now(clock));
        audit.record(AuditAction.CREATE, "SupervisionVisit", id, AuditOutcome.SUCCESS, visited.name());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/supervision";
    }
}
