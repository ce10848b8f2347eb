package org.xuncha.identity;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/** Keeps the lockout count and writes every sign-in, failure, lockout and sign-out to the audit log. */
@Component
class SignInEvents {

    private final UserAccounts accounts;
    private final AuditLog auditLog;
    private final Clock clock;

    SignInEvents(UserAccounts accounts, AuditLog auditLog, Clock clock) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        accounts.findByUsername(user.getUsername()).ifPresent(account -> {
            account.recordSuccessfulSignIn();
            accounts.saveSignInState(account);
        });
        auditLog.recordAs(
                user.getUsername(),
                user.role() == null ? null : user.role().name(),
                AuditAction.SIGN_IN,
                "UserAccount",
                user.id(),
                AuditOutcome.SUCCESS,
                null);
    }

    @EventListener
    @Transactional
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).trim();
        String reason = event.getException().getClass().getSimpleName();
        auditLog.recordAs(
                username, null, AuditAction.SIGN_IN_FAILED, "UserAccount", null, AuditOutcome.FAILURE, reason);
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.findByUsername(username).ifPresent(account -> {
                if (account.recordFailedSignIn(clock.instant())) {
                    auditLog.recordAs(
                            username,
                            null,
                            AuditAction.ACCOUNT_LOCKED,
                            "UserAccount",
                            account.id(),
                            AuditOutcome.SUCCESS,
                            "locked until " + account.lockedUntil());
                }
                accounts.saveSignInState(account);
            });
        }
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        auditLog.recordAs(
                event.getAuthentication().getName(),
                null,
                AuditAction.SIGN_OUT,
                "UserAccount",
                null,
                AuditOutcome.SUCCESS,
                null);
    }
}
