package org.xuncha.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/**
 * The security baseline of DESIGN.md §5: form sign-in, Argon2id hashes, CSRF, security headers, session id renewed
 * at sign-in, method security so that every controller method states who may call it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String SESSION_COOKIE = "XUNCHA_SESSION";

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessDeniedHandler accessDeniedHandler)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/error/**",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/survey/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(accessDeniedHandler))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new ForcedPasswordChange(), AuthorizationFilter.class);
        return http.build();
    }

    /** Sessions live in the database (Spring Session JDBC); the cookie is HttpOnly, SameSite=Lax, Secure over HTTPS. */
    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(SESSION_COOKIE);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        return serializer;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /** Denials are audited, then answered with the friendly 403 page. */
    @Bean
    AccessDeniedHandler accessDeniedHandler(AuditLog auditLog) {
        return (request, response, denied) -> {
            auditLog.record(
                    AuditAction.ACCESS_DENIED,
                    "Request",
                    request.getMethod() + " " + request.getRequestURI(),
                    AuditOutcome.DENIED,
                    null);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }
}
