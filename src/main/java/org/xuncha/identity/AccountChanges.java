package org.xuncha.identity;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.organization.Regions;

/**
 * What the system admin and the security admin do to accounts (账户管理): create, reset the password, disable,
 * enable, assign role and scope. Each change is audited with the account it touched; a change that alters what the
 * user may do ends the user's live sessions once it has committed, so no session carries the old rights.
 */
@Service
class AccountChanges {

    static final String OBJECT_TYPE = "UserAccount";

    /** A password handed out once by an administrator; the user must change it at the next sign-in. */
    record OneTimePassword(long accountId, String username, String displayName, String password) {}

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LiveSessions sessions;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Regions regions;

    AccountChanges(
            UserAccounts accounts,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            LiveSessions sessions,
            AuditLog auditLog,
            TransactionTemplate transactions,
            Regions regions) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.regions = regions;
    }

    boolean usernameTaken(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    /** Creates an account without role or scope (the security admin gives those) and a one-time password. */
    OneTimePassword create(String username, String displayName) {
        String password = policy.generate();
        return transactions.execute(status -> {
            UserAccount saved =
                    accounts.save(UserAccount.create(username, displayName, encoder.encode(password), true));
            auditLog.record(
                    AuditAction.CREATE,
                    OBJECT_TYPE,
                    saved.id(),
                    AuditOutcome.SUCCESS,
                    "account " + saved.username() + " (" + saved.displayName() + ") created with a one-time password");
            return new OneTimePassword(saved.id(), saved.username(), saved.displayName(), password);
        });
    }

    OneTimePassword resetPassword(long id, int version) {
        String password = policy.generate();
        UserAccount saved = change(id, version, AuditAction.PASSWORD_RESET, account -> {
            account.resetPassword(encoder.encode(password));
            return "one-time password issued to " + account.username();
        });
        return new OneTimePassword(saved.id(), saved.username(), saved.displayName(), password);
    }

    void disable(long id, int version) {
        change(id, version, AuditAction.ACCOUNT_DISABLED, account -> {
            account.disable();
            return "account " + account.username() + " disabled";
        });
    }

    void enable(long id, int version) {
        change(id, version, AuditAction.ACCOUNT_ENABLED, account -> {
            account.enable();
            return "account " + account.username() + " enabled";
        });
    }

    /** Gives the account its one role and its data scope; the caller has checked the scope fits the role. */
    void assign(long id, int version, Role role, List<Long> regionIds, @Nullable ReceivingBody body) {
        change(id, version, AuditAction.ROLE_ASSIGNED, account -> {
            String before = describeRole(account);
            account.assign(role, regionIds, body);
            return account.username() + ": " + before + " -> " + describeRole(account);
        });
    }

    /** Writes down a refused attempt (such as a security admin assigning a role to themselves). */
    void recordRefusal(long id, AuditAction action, String reason) {
        auditLog.record(action, OBJECT_TYPE, id, AuditOutcome.DENIED, reason);
    }

    private UserAccount change(long id, int version, AuditAction action, Change change) {
        UserAccount saved = transactions.execute(status -> {
            UserAccount account = accounts.findById(id)
                    .orElseThrow(() -> new OptimisticLockingFailureException("user_account " + id + " is gone"));
            if (account.version() != version) {
                throw new OptimisticLockingFailureException("user_account " + id + " changed since it was read");
            }
            String detail = change.apply(account);
            UserAccount result = accounts.save(account);
            auditLog.record(action, OBJECT_TYPE, id, AuditOutcome.SUCCESS, detail);
            return result;
        });
        endSessions(saved);
        return saved;
    }

    private void endSessions(UserAccount account) {
        int ended = sessions.endAll(account.username());
        if (ended > 0) {
            auditLog.record(
                    AuditAction.SESSIONS_REVOKED,
                    OBJECT_TYPE,
                    account.id(),
                    AuditOutcome.SUCCESS,
                    ended + " live session(s) of " + account.username() + " ended");
        }
    }

    private String describeRole(UserAccount account) {
        if (account.role() == null) {
            return "no role";
        }
        String scope = regions.findAll(account.scopeRegionIds()).stream()
                .map(region -> region.name() + "#" + region.id())
                .collect(Collectors.joining(", "));
        return account.role()
                + (scope.isEmpty() ? "" : " regions[" + scope + "]")
                + (account.receivingBody() == null ? "" : " body " + account.receivingBody());
    }

    @FunctionalInterface
    private interface Change {
        /** Applies the change to the account and says what changed, for the audit log. */
        String apply(UserAccount account);
    }
}
