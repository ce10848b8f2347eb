package org.xuncha.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user holding a one-time password reaches nothing but the password page until they have changed it. */
class ForcedPasswordChange extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && user.mustChangePassword()
                && !exempt(path)) {
            if (request.getHeader("HX-Request") != null) {
                // a fragment the page loads by itself (e.g. the notification bell): nothing to show yet, and a
                // redirect would put a second password form inside the page
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean exempt(String path) {
        return path.equals(PASSWORD_PAGE)
                || path.equals("/logout")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/error");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
