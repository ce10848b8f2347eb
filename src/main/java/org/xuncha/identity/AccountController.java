package org.xuncha.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/** Sign-in page and the user's own password (登录与修改密码). */
@Controller
class AccountController {

    /** The password form. */
    record PasswordForm(
            @NotBlank String currentPassword,
            @NotBlank String newPassword,
            @NotBlank String confirmPassword) {}

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog auditLog;

    AccountController(UserAccounts accounts, PasswordEncoder encoder, PasswordPolicy policy, AuditLog auditLog) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.auditLog = auditLog;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "identity/login";
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "identity/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    @Transactional
    String changePassword(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            HttpServletRequest request) {
        if (errors.hasErrors()) {
            return "identity/password";
        }
        UserAccount account = accounts.findByUsername(user.getUsername()).orElseThrow();
        if (!encoder.matches(form.currentPassword(), account.passwordHash())) {
            errors.rejectValue("currentPassword", "password.currentWrong");
        } else if (!form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "password.mismatch");
        } else if (form.newPassword().equals(form.currentPassword())) {
            errors.rejectValue("newPassword", "password.sameAsOld");
        } else {
            Optional<String> violation = policy.violation(account.username(), form.newPassword());
            violation.ifPresent(key -> errors.rejectValue("newPassword", key));
        }
        if (errors.hasErrors()) {
            return "identity/password";
        }
        account.changePassword(encoder.encode(form.newPassword()));
        UserAccount saved = accounts.save(account);
        auditLog.record(AuditAction.PASSWORD_CHANGED, "UserAccount", saved.id(), AuditOutcome.SUCCESS, null);
        refreshPrincipal(saved, request);
        return "redirect:/?passwordChanged";
    }

    /** The session keeps the new state of the account (no longer bound to change its password). */
    private static void refreshPrincipal(UserAccount account, HttpServletRequest request) {
        SignedInUser refreshed = new SignedInUser(account, false);
        refreshed.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
