package org.xuncha.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in; a locked account is reported as such and the sign-in page says nothing more. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    AccountDetailsService(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new SignedInUser(account, account.isLockedAt(clock.instant()));
    }
}
