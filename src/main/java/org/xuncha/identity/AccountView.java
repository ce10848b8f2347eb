package org.xuncha.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An account as the administrators' lists show it: no password hash, the lock as local time, scope by name. */
record AccountView(
        long id,
        String username,
        String displayName,
        @Nullable Role role,
        boolean enabled,
        @Nullable LocalDateTime lockedUntil,
        boolean mustChangePassword,
        List<String> scopeNames,
        @Nullable ReceivingBody receivingBody,
        int version) {

    static AccountView of(UserAccount account, Instant now, ZoneId zone, Map<Long, String> regionNames) {
        Instant locked = account.isLockedAt(now) ? account.lockedUntil() : null;
        return new AccountView(
                account.id(),
                account.username(),
                account.displayName(),
                account.role(),
                account.enabled(),
                locked == null ? null : LocalDateTime.ofInstant(locked, zone),
                account.mustChangePassword(),
                account.scopeRegionIds().stream()
                        .map(id -> regionNames.getOrDefault(id, "#" + id))
                        .toList(),
                account.receivingBody(),
                account.version());
    }
}
