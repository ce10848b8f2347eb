package org.xuncha.notifications;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.organization.RegionScope;

/** The notification centre's list, the bell's unread count and marking read. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @PreAuthorize(Access.SIGNED_IN)
    String list(Authentication caller, RegionScope scope, Model model) {
        Notifications.Reader reader = reader(caller, scope);
        model.addAttribute("notifications", notifications.of(reader, 200));
        model.addAttribute("unread", notifications.unread(reader));
        return "notifications/list";
    }

    /** The bell's badge, loaded by htmx on every page. */
    @GetMapping("/notifications/bell")
    @PreAuthorize(Access.SIGNED_IN)
    String bell(Authentication caller, RegionScope scope, Model model) {
        model.addAttribute("unread", notifications.unread(reader(caller, scope)));
        return "notifications/bell :: bell";
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize(Access.SIGNED_IN)
    String read(@PathVariable long id, Authentication caller, RegionScope scope) {
        if (!notifications.markRead(reader(caller, scope), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read")
    @PreAuthorize(Access.SIGNED_IN)
    String readAll(Authentication caller, RegionScope scope) {
        notifications.markAllRead(reader(caller, scope));
        return "redirect:/notifications";
    }

    static Notifications.Reader reader(Authentication caller, RegionScope scope) {
        String role = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .findFirst()
                .orElse(null);
        return new Notifications.Reader(caller.getName(), role, scope);
    }
}
