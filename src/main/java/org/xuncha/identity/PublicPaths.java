package org.xuncha.identity;

import java.util.List;

/**
 * Paths a module serves without sign-in (e.g. the public report page), declared as a bean by that module and opened
 * by the security configuration; everything else needs a signed-in user. Handlers there still carry
 * {@code @PreAuthorize("permitAll()")} and CSRF still applies to their forms.
 */
public record PublicPaths(List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
    }
}
