package org.xuncha.audit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.documents.XlsxExport;
import org.xuncha.web.Paged;

/**
 * The audit admin's pages (审计日志): the log newest first with filters, its export to .xlsx (itself audited) and the
 * verification of the SM3 hash chain. The audit admin sees nothing else, and nobody else sees this.
 */
@Controller
class AuditController {

    static final String AUDIT_ADMIN = "hasRole('AUDIT_ADMIN')";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A row of the list: the entry with its time in the server's zone. */
    record AuditLine(
            long id,
            LocalDateTime at,
            String actor,
            @Nullable String actorRole,
            String action,
            @Nullable String objectType,
            @Nullable String objectId,
            String outcome,
            @Nullable String detail,
            @Nullable String clientIp) {}

    private final AuditEvents events;
    private final AuditChain chain;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    AuditController(AuditEvents events, AuditChain chain, AuditLog auditLog, MessageSource messages, Clock clock) {
        this.events = events;
        this.chain = chain;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/audit")
    @PreAuthorize(AUDIT_ADMIN)
    String list(
            @Valid @ModelAttribute("filter") AuditFilter filter,
            BindingResult errors,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("invalidFilter", errors.hasErrors());
        fillList(errors.hasErrors() ? AuditFilter.none() : filter, page, model);
        return hx != null ? "audit/log :: results" : "audit/log";
    }

    @GetMapping("/audit/export")
    @PreAuthorize(AUDIT_ADMIN)
    void export(
            @Valid @ModelAttribute("filter") AuditFilter filter,
            BindingResult errors,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        AuditFilter applied = errors.hasErrors() ? AuditFilter.none() : filter;
        long count = events.count(applied, clock.getZone());
        auditLog.record(
                AuditAction.EXPORT, "AuditLog", null, AuditOutcome.SUCCESS, count + " row(s); " + applied.describe());
        String name = messages.getMessage("audit.title", null, locale) + "-"
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        List<String> headers = Arrays.stream(new String[] {
                    "id",
                    "at",
                    "actor",
                    "role",
                    "action",
                    "objectType",
                    "objectId",
                    "outcome",
                    "detail",
                    "clientIp",
                    "hash"
                })
                .map(key -> messages.getMessage("audit.column." + key, null, locale))
                .toList();
        Stream<List<@Nullable Object>> rows =
                events.stream(applied, clock.getZone(), 1_000).map(entry -> cells(entry, locale));
        String sheet = messages.getMessage("audit.title", null, locale);
        XlsxExport.write(response.getOutputStream(), List.of(new XlsxExport.SheetData(sheet, headers, rows)));
    }

    /** Recomputes the whole chain and says OK with the count, or names the first broken row; the check is audited. */
    @PostMapping("/audit/verify")
    @PreAuthorize(AUDIT_ADMIN)
    String verify(@RequestHeader(value = "HX-Request", required = false) @Nullable String hx, Model model) {
        AuditChain.Verification verification = chain.verify();
        auditLog.record(
                AuditAction.CHAIN_VERIFIED,
                "AuditLog",
                null,
                verification.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                verification.intact()
                        ? verification.checked() + " row(s), chain intact"
                        : "first broken link at id " + verification.firstBrokenId() + " (" + verification.problem()
                                + ")");
        model.addAttribute("verification", verification);
        if (hx != null) {
            return "audit/log :: chain";
        }
        fillList(AuditFilter.none(), 0, model);
        return "audit/log";
    }

    /** The list under the filter actually applied (an invalid filter is dropped, not half-applied). */
    private void fillList(AuditFilter filter, int page, Model model) {
        model.addAttribute("applied", filter);
        Paged<AuditEntry> found = events.search(filter, clock.getZone(), Paged.pageNumber(page), Paged.DEFAULT_SIZE);
        model.addAttribute(
                "results",
                new Paged<>(
                        found.items().stream().map(this::line).toList(), found.page(), found.size(), found.total()));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("orders", AuditFilter.Order.values());
    }

    private AuditLine line(AuditEntry entry) {
        return new AuditLine(
                entry.id(),
                LocalDateTime.ofInstant(entry.occurredAt(), clock.getZone()),
                entry.actor(),
                entry.actorRole(),
                entry.action(),
                entry.objectType(),
                entry.objectId(),
                entry.outcome(),
                entry.detail(),
                entry.clientIp());
    }

    private List<@Nullable Object> cells(AuditEntry entry, Locale locale) {
        return Arrays.asList(
                entry.id(),
                LocalDateTime.ofInstant(entry.occurredAt(), clock.getZone()),
                entry.actor(),
                label("role.", entry.actorRole(), locale),
                label("audit.action.", entry.action(), locale),
                entry.objectType() == null ? null : label("audit.object.", entry.objectType(), locale),
                entry.objectId(),
                label("audit.outcome.", entry.outcome(), locale),
                entry.detail(),
                entry.clientIp(),
                entry.hash());
    }

    private String label(String prefix, @Nullable String code, Locale locale) {
        return code == null ? "—" : messages.getMessage(prefix + code, null, code, locale);
    }
}
