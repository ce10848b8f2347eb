package org.xuncha.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.organization.RegionLevel;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/** The focus checklist (巡察重点清单): read by the office and leaders, kept by the office staff. */
@Controller
class FocusChecklistController {

    /** A point as the office writes it. */
    record ItemForm(
            @NotBlank @Size(max = 100) String title,
            @Size(max = 1000) @Nullable String description,
            int version) {}

    private final FocusItems items;
    private final FocusChecklist checklist;
    private final PlanningMessages messages;
    private final Regions regions;

    FocusChecklistController(FocusItems items, FocusChecklist checklist, PlanningMessages messages, Regions regions) {
        this.items = items;
        this.checklist = checklist;
        this.messages = messages;
        this.regions = regions;
    }

    @GetMapping("/focus")
    @PreAuthorize(Access.TERMS)
    String list(RegionScope scope, Model model) {
        model.addAttribute("items", items.inScope(ScopePrefixes.of(scope, regions)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ItemForm("", null, 0));
        }
        return "planning/focus";
    }

    @PostMapping("/focus")
    @PreAuthorize(Access.PLAN)
    String add(
            @Valid @ModelAttribute("form") ItemForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.form", errors);
            return "redirect:/focus#add";
        }
        List<RegionSummary> districts = regions.findAll(scope.regionIds()).stream()
                .filter(r -> r.level() == RegionLevel.DISTRICT)
                .toList();
        if (districts.size() != 1) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        checklist.add(districts.get(0).id(), districts.get(0).path(), form.title(), form.description());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/focus";
    }

    @PostMapping("/focus/{id}")
    @PreAuthorize(Access.PLAN)
    String revise(
            @PathVariable long id,
            @Valid @ModelAttribute("item") ItemForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        FocusItem item = load(id, scope);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of(new RoundRuleViolation("focus.rule.titleRequired")));
            return "redirect:/focus";
        }
        try {
            checklist.revise(item, form.title(), form.description(), form.version());
            redirect.addFlashAttribute("saved", true);
        } catch (RoundRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/focus#item-" + id;
    }

    @PostMapping("/focus/{id}/active")
    @PreAuthorize(Access.PLAN)
    String setActive(
            @PathVariable long id,
            @RequestParam boolean active,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Model model) {
        checklist.setActive(load(id, scope), active, version);
        return afterChange(hx, scope, model);
    }

    @PostMapping("/focus/{id}/move")
    @PreAuthorize(Access.PLAN)
    String move(
            @PathVariable long id,
            @RequestParam boolean up,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Model model) {
        checklist.move(load(id, scope), up, version);
        return afterChange(hx, scope, model);
    }

    private String afterChange(@Nullable String hx, RegionScope scope, Model model) {
        if (hx == null) {
            return "redirect:/focus";
        }
        model.addAttribute("items", items.inScope(ScopePrefixes.of(scope, regions)));
        return "planning/focus :: checklist";
    }

    private FocusItem load(long id, RegionScope scope) {
        return items.find(id, ScopePrefixes.of(scope, regions))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
