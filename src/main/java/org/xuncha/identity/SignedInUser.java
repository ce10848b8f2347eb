package org.xuncha.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user (当前用户) as kept in the session: role and data scope travel with the session, and any change
 * to them by the security admin ends the user's live sessions.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private @Nullable String password;
    private final @Nullable Role role;
    private final List<Long> scopeRegionIds;
    private final @Nullable ReceivingBody receivingBody;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    SignedInUser(UserAccount account, boolean locked) {
        this.id = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.password = account.passwordHash();
        this.role = account.role();
        this.scopeRegionIds = account.scopeRegionIds();
        this.receivingBody = account.receivingBody();
        this.enabled = account.enabled();
        this.locked = locked;
        this.mustChangePassword = account.mustChangePassword();
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public @Nullable Role role() {
        return role;
    }

    /** Region subtrees the user may see; empty for roles not scoped by region. */
    public List<Long> scopeRegionIds() {
        return scopeRegionIds;
    }

    public @Nullable ReceivingBody receivingBody() {
        return receivingBody;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role == null ? List.of() : List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + "]";
    }
}
