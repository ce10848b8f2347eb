package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * What the office maintains for rectification: the holiday calendar, the warning thresholds and recipients per
 * colour, the supervision indicators and the supervision groups with their members and townships.
 */
@Controller
class OfficeSettingsController {

    private final HolidayCalendar calendar;
    private final WarningSettingsStore warnings;
    private final SupervisionGroups groups;
    private final Regions regions;
    private final AuditLog audit;
    private final MessageSource messages;

    OfficeSettingsController(
            HolidayCalendar calendar,
            WarningSettingsStore warnings,
            SupervisionGroups groups,
            Regions regions,
            AuditLog audit,
            MessageSource messages) {
        this.calendar = calendar;
        this.warnings = warnings;
        this.groups = groups;
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/rectification/calendar")
    @PreAuthorize(Access.OFFICE)
    String calendar(Model model) {
        model.addAttribute("days", calendar.all());
        model.addAttribute("kinds", CalendarDay.Kind.values());
        return "rectification/calendar";
    }

    @PostMapping("/rectification/calendar")
    @PreAuthorize(Access.OFFICE)
    @Transactional
    String putDay(
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam CalendarDay.Kind kind,
            @RequestParam String name,
            RedirectAttributes redirect,
            Locale locale) {
        if (day == null || name.isBlank()) {
            redirect.addFlashAttribute("error", messages.getMessage("calendar.invalid", null, locale));
            return "redirect:/rectification/calendar";
        }
        calendar.put(new CalendarDay(day, kind, name.strip()));
        audit.record(AuditAction.UPDATE, "HolidayCalendar", day, AuditOutcome.SUCCESS, kind + " " + name.strip());
        return "redirect:/rectification/calendar";
    }

    @PostMapping("/rectification/calendar/{day}/delete")
    @PreAuthorize(Access.OFFICE)
    @Transactional
    String removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        if (calendar.remove(day)) {
            audit.record(AuditAction.DELETE, "HolidayCalendar", day, AuditOutcome.SUCCESS, null);
        }
        return "redirect:/rectification/calendar";
    }

    @GetMapping("/rectification/settings")
    @PreAuthorize(Access.OFFICE)
    String settings(RegionScope scope, Model model) {
        model.addAttribute("settings", warnings.current());
        model.addAttribute("recipients", WarningSettings.Recipient.values());
        model.addAttribute("indicators", groups.indicators(false));
        model.addAttribute("groups", groups.all());
        model.addAttribute("townships", regions.townships(scope));
        return "rectification/settings";
    }

    @PostMapping("/rectification/settings/warnings")
    @PreAuthorize(Access.OFFICE)
    @Transactional
    String saveWarnings(
            @RequestParam int version,
            @RequestParam int greenDays,
            @RequestParam int yellowDays,
            @RequestParam(required = false) @Nullable List<WarningSettings.Recipient> green,
            @RequestParam(required = false) @Nullable List<WarningSettings.Recipient> yellow,
            @RequestParam(required = false) @Nullable List<WarningSettings.Recipient> red,
            @RequestParam(required = false) @Nullable String mailTo,
            RedirectAttributes redirect,
            Locale locale) {
        if (greenDays < 1 || yellowDays < 0 || yellowDays >= greenDays || greenDays > 250) {
            redirect.addFlashAttribute("error", messages.getMessage("settings.thresholds.invalid", null, locale));
            return "redirect:/rectification/settings";
        }
        warnings.save(new WarningSettings(
                greenDays,
                yellowDays,
                set(green),
                set(yellow),
                set(red),
                mailTo == null || mailTo.isBlank() ? null : mailTo.strip(),
                version));
        audit.record(
                AuditAction.UPDATE,
                "WarningSettings",
                1,
                AuditOutcome.SUCCESS,
                "green " + greenDays + " yellow " + yellowDays);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/rectification/settings";
    }

    @PostMapping("/rectification/settings/indicators")
    @PreAuthorize(Access.OFFICE)
    @Transactional
    String addIndicator(@RequestParam String name) {
        if (!name.isBlank()) {
            groups.addIndicator(name.strip());
            audit.record(AuditAction.CREATE, "SupervisionIndicator", null, AuditOutcome.SUCCESS, name.strip());
        }
        return "redirect:/rectification/settings#indicators";
    }

    @PostMapping("/rectification/settings/indicators/{id}")
    @PreAuthorize(Access.OFFICE)
    @Transactional
    String toggleIndicator(@PathVariable long id, @RequestParam boolean active) {
        groups.setIndicatorActive(id, active);
        audit.record(AuditAction.UPDATE, "SupervisionIndicator", id, AuditOutcome.SUCCESS, "active " + active);
        return "redirect:/rectification/settings#indicators";
    }

    @PostMapping("/rectification/settings/groups")
    @PreAuthorize(Access.OFFICE)
    @Transactional
    String saveGroup(
            @RequestParam(required = false) @Nullable Long id,
            @RequestParam String name,
            @RequestParam String members,
            @RequestParam(required = false) @Nullable List<Long> township,
            RegionScope scope,
            RedirectAttributes redirect,
            Locale locale) {
        List<String> usernames = Arrays.stream(members.split("[,，、\\s]+"))
                .filter(s -> !s.isBlank())
                .distinct()
                .toList();
        List<SupervisionGroups.Township> assigned = new ArrayList<>();
        for (RegionSummary t : regions.townships(scope)) {
            if (township != null && township.contains(t.id())) {
                assigned.add(new SupervisionGroups.Township(t.id(), t.name(), t.path()));
            }
        }
        if (name.isBlank() || usernames.isEmpty() || assigned.isEmpty()) {
            redirect.addFlashAttribute("error", messages.getMessage("groups.invalid", null, locale));
            return "redirect:/rectification/settings#groups";
        }
        if (id == null) {
            if (groups.exists(name.strip())) {
                redirect.addFlashAttribute(
                        "error", messages.getMessage("groups.duplicate", new Object[] {name}, locale));
                return "redirect:/rectification/settings#groups";
            }
            long created = groups.create(name.strip(), usernames, assigned);
            audit.record(AuditAction.CREATE, "SupervisionGroup", created, AuditOutcome.SUCCESS, name.strip());
        } else {
            groups.replace(id, usernames, assigned);
            audit.record(AuditAction.UPDATE, "SupervisionGroup", id, AuditOutcome.SUCCESS, String.join(",", usernames));
        }
        return "redirect:/rectification/settings#groups";
    }

    private static Set<WarningSettings.Recipient> set(@Nullable List<WarningSettings.Recipient> list) {
        Set<WarningSettings.Recipient> set = EnumSet.noneOf(WarningSettings.Recipient.class);
        if (list != null) {
            set.addAll(list);
        }
        return set;
    }
}
