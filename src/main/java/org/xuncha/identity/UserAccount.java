package org.xuncha.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user account (用户账户): one role, a data scope, and the sign-in state that the security baseline needs
 * (failed attempts, lock, forced password change).
 */
class UserAccount {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(30);

    private final long id;
    private final String username;
    private String displayName;
    private String passwordHash;
    private @Nullable Role role;
    private @Nullable ReceivingBody receivingBody;
    private boolean enabled;
    private boolean mustChangePassword;
    private int failedAttempts;
    private @Nullable Instant lockedUntil;
    private List<Long> scopeRegionIds;
    private final int version;

    UserAccount(
            long id,
            String username,
            String displayName,
            String passwordHash,
            @Nullable Role role,
            @Nullable ReceivingBody receivingBody,
            boolean enabled,
            boolean mustChangePassword,
            int failedAttempts,
            @Nullable Instant lockedUntil,
            List<Long> scopeRegionIds,
            int version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.receivingBody = receivingBody;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.scopeRegionIds = List.copyOf(scopeRegionIds);
        this.version = version;
    }

    static UserAccount create(String username, String displayName, String passwordHash, boolean mustChangePassword) {
        return new UserAccount(
                0, username, displayName, passwordHash, null, null, true, mustChangePassword, 0, null, List.of(), 0);
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for 30 minutes. Returns whether it locked now. */
    boolean recordFailedSignIn(Instant now) {
        if (isLockedAt(now)) {
            return false;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedAttempts = 0;
            return true;
        }
        return false;
    }

    void recordSuccessfulSignIn() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
    }

    /** A password set by an administrator is one-time: the user must change it at first sign-in. */
    void resetPassword(String oneTimeHash) {
        passwordHash = oneTimeHash;
        mustChangePassword = true;
        failedAttempts = 0;
        lockedUntil = null;
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Assigns the role and scope (security admin's act). Region scope only for roles scoped by region; a receiving
     * body only for lead receivers.
     */
    void assign(Role role, List<Long> regionIds, @Nullable ReceivingBody body) {
        if (role.scopedByRegion() && regionIds.isEmpty()) {
            throw new IllegalArgumentException("scope.required");
        }
        if (role == Role.LEAD_RECEIVER && body == null) {
            throw new IllegalArgumentException("scope.bodyRequired");
        }
        this.role = role;
        this.scopeRegionIds = role.scopedByRegion() ? List.copyOf(regionIds) : List.of();
        this.receivingBody = role == Role.LEAD_RECEIVER ? body : null;
    }

    long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    @Nullable
    Role role() {
        return role;
    }

    @Nullable
    ReceivingBody receivingBody() {
        return receivingBody;
    }

    boolean enabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    @Nullable
    Instant lockedUntil() {
        return lockedUntil;
    }

    List<Long> scopeRegionIds() {
        return scopeRegionIds;
    }

    int version() {
        return version;
    }
}
