package org.xuncha.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.web.Paged;

/**
 * The security admin's pages (角色与数据范围): each account's one role and its data scope, region subtrees for the
 * roles scoped by region or the receiving body for lead receivers. The security admin creates no accounts, reads no
 * audit log and may not change their own role.
 */
@Controller
@RequestMapping("/security/users")
class RoleAssignmentController {

    static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";

    /** The assignment form: exactly one role, and the scope that role needs. */
    record AssignmentForm(
            @NotNull @Nullable Role role,
            @Nullable List<Long> regionIds,
            @Nullable ReceivingBody body,
            int version) {

        static AssignmentForm of(UserAccount account) {
            return new AssignmentForm(
                    account.role(), account.scopeRegionIds(), account.receivingBody(), account.version());
        }

        List<Long> regions() {
            return regionIds == null ? List.of() : regionIds.stream().distinct().toList();
        }
    }

    private final UserAccounts accounts;
    private final AccountChanges changes;
    private final Regions regions;
    private final Clock clock;

    RoleAssignmentController(UserAccounts accounts, AccountChanges changes, Regions regions, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(SECURITY_ADMIN)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Paged<UserAccount> found = accounts.search(q, Paged.pageNumber(page), Paged.DEFAULT_SIZE);
        Map<Long, String> names = namesOf(
                found.items().stream().flatMap(a -> a.scopeRegionIds().stream()).collect(Collectors.toSet()));
        model.addAttribute("q", q);
        model.addAttribute(
                "results",
                new Paged<>(
                        found.items().stream()
                                .map(a -> AccountView.of(a, clock.instant(), clock.getZone(), names))
                                .toList(),
                        found.page(),
                        found.size(),
                        found.total()));
        return "identity/roles";
    }

    @GetMapping("/{id}")
    @PreAuthorize(SECURITY_ADMIN)
    String form(@PathVariable long id, Model model) {
        UserAccount account = load(id);
        model.addAttribute("assignment", AssignmentForm.of(account));
        return formPage(account, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize(SECURITY_ADMIN)
    String assign(
            @PathVariable long id,
            @Valid @ModelAttribute("assignment") AssignmentForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            RedirectAttributes redirect) {
        UserAccount account = load(id);
        if (id == me.id()) {
            changes.recordRefusal(id, AuditAction.ROLE_ASSIGNED, "a security admin may not change their own role");
            errors.reject("assignment.notYourself");
        }
        Role role = form.role();
        if (role != null && role.scopedByRegion() && form.regions().isEmpty()) {
            errors.rejectValue("regionIds", "assignment.scopeRequired");
        }
        if (role != null && role.scopedByRegion() && !candidateIds().containsAll(form.regions())) {
            errors.rejectValue("regionIds", "assignment.regionUnknown");
        }
        if (role == Role.LEAD_RECEIVER && form.body() == null) {
            errors.rejectValue("body", "assignment.bodyRequired");
        }
        if (errors.hasErrors() || role == null) {
            return formPage(account, model);
        }
        changes.assign(id, form.version(), role, role.scopedByRegion() ? form.regions() : List.of(), form.body());
        redirect.addFlashAttribute("done", account.username());
        return "redirect:/security/users";
    }

    private String formPage(UserAccount account, Model model) {
        model.addAttribute(
                "target", AccountView.of(account, clock.instant(), clock.getZone(), namesOf(account.scopeRegionIds())));
        model.addAttribute("roles", Role.values());
        model.addAttribute("bodies", ReceivingBody.values());
        model.addAttribute("candidates", regions.scopeCandidates());
        return "identity/assign";
    }

    private Set<Long> candidateIds() {
        return regions.scopeCandidates().stream().map(RegionSummary::id).collect(Collectors.toSet());
    }

    private Map<Long, String> namesOf(Collection<Long> ids) {
        return regions.findAll(ids).stream().collect(Collectors.toMap(RegionSummary::id, RegionSummary::name));
    }

    private UserAccount load(long id) {
        return accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
