package org.xuncha.inspectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;

/** Manual recusals (office), exceptions to recusal rules (director) and each district's rules (回避规则设置). */
@Controller
class RecusalController {

    /** 人工回避: from a township unit, or from one of its 村居 when a name is given. */
    record RecusalForm(
            @NotNull Long townshipId,
            @Size(max = 40) @Nullable String localityName,
            @NotBlank @Size(max = 500) String reason,
            int version) {}

    /** 回避例外: which rule no longer blocks, where, and why. */
    record ExemptionForm(
            @NotNull Long townshipId,
            @Size(max = 40) @Nullable String localityName,
            @NotNull RecusalRule rule,
            @NotBlank @Size(max = 500) String reason,
            int version) {}

    /** One district's policy on the policy page. */
    record DistrictPolicy(RegionSummary district, RecusalPolicies.Stored policy) {}

    private final InspectorRecords records;
    private final MessageSource messages;

    RecusalController(InspectorRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @PostMapping("/inspectors/{id}/recusals")
    @PreAuthorize(Access.MANAGE)
    String recuse(
            @PathVariable long id,
            @Valid RecusalForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (!FormProblems.flash(errors, redirect, messages)) {
            records.recuse(
                    id,
                    form.version(),
                    form.townshipId(),
                    form.localityName(),
                    form.reason(),
                    authentication.getName(),
                    scope);
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/inspectors/" + id + "#recusals";
    }

    @PostMapping("/inspectors/{id}/recusals/{entry}/delete")
    @PreAuthorize(Access.MANAGE)
    String liftRecusal(
            @PathVariable long id,
            @PathVariable long entry,
            @RequestParam int version,
            RegionScope scope,
            RedirectAttributes redirect) {
        records.liftRecusal(id, version, entry, scope);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/" + id + "#recusals";
    }

    @PostMapping("/inspectors/{id}/exemptions")
    @PreAuthorize(Access.DIRECT)
    String exempt(
            @PathVariable long id,
            @Valid ExemptionForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (!FormProblems.flash(errors, redirect, messages)) {
            records.exempt(
                    id,
                    form.version(),
                    form.townshipId(),
                    form.localityName(),
                    form.rule(),
                    form.reason(),
                    authentication.getName(),
                    scope);
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/inspectors/" + id + "#exemptions";
    }

    @PostMapping("/inspectors/{id}/exemptions/{entry}/delete")
    @PreAuthorize(Access.DIRECT)
    String revokeExemption(
            @PathVariable long id,
            @PathVariable long entry,
            @RequestParam int version,
            RegionScope scope,
            RedirectAttributes redirect) {
        records.revokeExemption(id, version, entry, scope);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/" + id + "#exemptions";
    }

    @GetMapping("/inspectors/policy")
    @PreAuthorize(Access.MANAGE)
    String policies(RegionScope scope, Model model) {
        List<DistrictPolicy> policies = new ArrayList<>();
        for (RegionSummary district : records.districts(scope)) {
            policies.add(new DistrictPolicy(district, records.policy(district.id(), scope)));
        }
        model.addAttribute("policies", policies);
        model.addAttribute("rules", RecusalRule.values());
        return "inspectors/policy";
    }

    @PostMapping("/inspectors/policy/{districtId}")
    @PreAuthorize(Access.DIRECT)
    String savePolicy(
            @PathVariable long districtId,
            @RequestParam(required = false) @Nullable Set<RecusalRule> enabled,
            @RequestParam int version,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        records.savePolicy(
                districtId,
                enabled == null || enabled.isEmpty() ? Set.of() : EnumSet.copyOf(enabled),
                version,
                authentication.getName(),
                scope);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/policy";
    }
}
