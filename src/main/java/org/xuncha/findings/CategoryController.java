package org.xuncha.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;

/** The taxonomy of finding categories (问题类别), kept by the office. */
@Controller
class CategoryController {

    /** A category as the office writes it. */
    record CategoryForm(@NotBlank @Size(max = 50) String name, boolean active, int version) {}

    private final Categories categories;
    private final FindingsMessages messages;
    private final FindingsAudit audit;

    CategoryController(Categories categories, FindingsMessages messages, FindingsAudit audit) {
        this.categories = categories;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/findings/categories")
    @PreAuthorize(Access.OFFICE)
    String list(Model model) {
        model.addAttribute("categories", categories.all());
        return "findings/categories";
    }

    @PostMapping("/findings/categories")
    @PreAuthorize(Access.OFFICE)
    String add(@Valid @ModelAttribute CategoryForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of(new FindingRuleViolation("category.rule.name")));
            return "redirect:/findings/categories";
        }
        try {
            long id = categories.add(form.name());
            audit.record(AuditAction.CREATE, "FindingCategory", id, form.name());
            redirect.addFlashAttribute("saved", true);
        } catch (FindingRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/findings/categories";
    }

    @PostMapping("/findings/categories/{id}")
    @PreAuthorize(Access.OFFICE)
    String revise(
            @PathVariable long id,
            @Valid @ModelAttribute CategoryForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of(new FindingRuleViolation("category.rule.name")));
            return "redirect:/findings/categories";
        }
        try {
            categories.revise(id, form.name(), form.active(), form.version());
            audit.record(AuditAction.UPDATE, "FindingCategory", id, form.name() + (form.active() ? "" : " (停用)"));
            redirect.addFlashAttribute("saved", true);
        } catch (FindingRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/findings/categories";
    }
}
