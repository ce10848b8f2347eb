package org.xuncha.identity;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/** Accounts a test creates for itself with a password it knows, so it may lock, disable or reassign them freely. */
final class KnownAccounts {

    static final String PASSWORD = "Ridge-lantern-47";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final Regions regions;

    KnownAccounts(UserAccounts accounts, PasswordEncoder encoder, Regions regions) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.regions = regions;
    }

    /** A fresh account with the role, scoped to the named regions, signed in with {@link #PASSWORD}. */
    UserAccount create(String prefix, @Nullable Role role, String... regionNames) {
        return create(prefix, false, role, null, regionNames);
    }

    /** A fresh account that holds a one-time password ({@link #PASSWORD}) and must change it. */
    UserAccount createWithOneTimePassword(String prefix, Role role, String... regionNames) {
        return create(prefix, true, role, null, regionNames);
    }

    UserAccount create(
            String prefix,
            boolean mustChange,
            @Nullable Role role,
            @Nullable ReceivingBody body,
            String... regionNames) {
        String username = prefix + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
        UserAccount account = UserAccount.create(username, "测试 " + username, encoder.encode(PASSWORD), mustChange);
        if (role != null) {
            List<Long> scope = Arrays.stream(regionNames)
                    .map(name -> regions.findByName(name).map(RegionSummary::id).orElseThrow())
                    .toList();
            account.assign(role, scope, body);
        }
        return accounts.save(account);
    }

    UserAccount reload(UserAccount account) {
        return accounts.findById(account.id()).orElseThrow();
    }

    long regionId(String name) {
        return regions.findByName(name).map(RegionSummary::id).orElseThrow();
    }
}
