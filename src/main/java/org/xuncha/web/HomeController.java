package org.xuncha.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page sends each role to where its work begins. */
@Controller
class HomeController {

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Authentication authentication) {
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .findFirst()
                .orElse("");
        return switch (role) {
            case "ROLE_SYSTEM_ADMIN" -> "redirect:/admin/users";
            case "ROLE_SECURITY_ADMIN" -> "redirect:/security/users";
            case "ROLE_AUDIT_ADMIN" -> "redirect:/audit";
            case "ROLE_LEAD_RECEIVER", "" -> "home";
            default -> "redirect:/regions";
        };
    }
}
