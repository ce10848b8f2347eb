package org.xuncha.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.web.Paged;

/**
 * The system admin's account pages (用户管理): list, create, reset password, disable and enable. The system admin
 * hands out one-time passwords but gives no role or scope, and sees no business data.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdministrationController {

    static final String SYSTEM_ADMIN = "hasRole('SYSTEM_ADMIN')";

    /** The new-account form: a sign-in name and the person's name; the password is generated. */
    record NewAccountForm(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_.-]{2,31}")
            String username,

            @NotBlank @Size(max = 50) String displayName) {}

    private final UserAccounts accounts;
    private final AccountChanges changes;
    private final Clock clock;

    UserAdministrationController(UserAccounts accounts, AccountChanges changes, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(SYSTEM_ADMIN)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("account", new NewAccountForm("", ""));
        return page(q, page, model);
    }

    /** Creates the account and shows its one-time password on this response only: it is stored nowhere in clear. */
    @PostMapping
    @PreAuthorize(SYSTEM_ADMIN)
    String create(@Valid @ModelAttribute("account") NewAccountForm form, BindingResult errors, Model model) {
        if (!errors.hasFieldErrors("username")
                && changes.usernameTaken(form.username().strip())) {
            errors.rejectValue("username", "account.usernameTaken");
        }
        if (errors.hasErrors()) {
            return page("", 0, model);
        }
        try {
            model.addAttribute(
                    "oneTime",
                    changes.create(form.username().strip(), form.displayName().strip()));
        } catch (DuplicateKeyException raced) {
            errors.rejectValue("username", "account.usernameTaken");
            return page("", 0, model);
        }
        model.addAttribute("created", true);
        return "identity/one-time-password";
    }

    @PostMapping("/{id}/password")
    @PreAuthorize(SYSTEM_ADMIN)
    String resetPassword(
            @PathVariable long id,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            RedirectAttributes redirect) {
        if (id == me.id()) {
            redirect.addFlashAttribute("problem", "account.notYourself");
            return "redirect:/admin/users";
        }
        model.addAttribute("oneTime", changes.resetPassword(id, version));
        model.addAttribute("created", false);
        return "identity/one-time-password";
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize(SYSTEM_ADMIN)
    String disable(
            @PathVariable long id,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        if (id == me.id()) {
            redirect.addFlashAttribute("problem", "account.notYourself");
        } else {
            changes.disable(id, version);
            redirect.addFlashAttribute("done", "account.disabled");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize(SYSTEM_ADMIN)
    String enable(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        changes.enable(id, version);
        redirect.addFlashAttribute("done", "account.enabled");
        return "redirect:/admin/users";
    }

    private String page(String q, int page, Model model) {
        Paged<UserAccount> found = accounts.search(q, Paged.pageNumber(page), Paged.DEFAULT_SIZE);
        model.addAttribute("q", q);
        model.addAttribute(
                "results",
                new Paged<>(
                        found.items().stream()
                                .map(a -> AccountView.of(a, clock.instant(), clock.getZone(), Map.of()))
                                .toList(),
                        found.page(),
                        found.size(),
                        found.total()));
        return "identity/users";
    }
}
