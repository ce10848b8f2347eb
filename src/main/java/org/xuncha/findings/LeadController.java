package org.xuncha.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.documents.XlsxExport;
import org.xuncha.files.FileRejected;
import org.xuncha.files.FileStore;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;

/**
 * The lead register (线索台账) and lead pages. Office staff see that a lead exists, where, to whom and its status and
 * register number; the content (who, what, amounts, files, dispositions, the transfer letter) only the director, the
 * leader of the raising group and the receiving body see. Every view, download and change is audited; the only
 * export is the status-only register.
 */
@Controller
class LeadController {

    /** A lead as the director or the group leader enters it. */
    record LeadForm(
            @NotBlank @Size(max = 500) String persons,
            @NotBlank @Size(max = 5000) String matter,

            @DecimalMin("0") @Digits(integer = 14, fraction = 2) @Nullable
            BigDecimal amount,

            @NotNull ReceivingBody receiver,
            @Size(max = 100) @Nullable String receiverName,
            @NotNull Lead.Sensitivity sensitivity) {

        LeadWork.NewLead entry() {
            return new LeadWork.NewLead(
                    persons, matter, amount, receiver, receiverName == null ? "" : receiverName, sensitivity);
        }
    }

    /** What the receiving body reports. */
    record DispositionForm(
            @NotNull Lead.DispositionKind kind,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate on,

            @Size(max = 2000) @Nullable String note,
            int version) {}

    private final LeadRecords leads;
    private final LeadWork work;
    private final FindingRecords findings;
    private final GroupAccess access;
    private final FileStore files;
    private final FindingDocuments documents;
    private final FindingsMessages messages;
    private final FindingsAudit audit;
    private final Clock clock;

    LeadController(
            LeadRecords leads,
            LeadWork work,
            FindingRecords findings,
            GroupAccess access,
            FileStore files,
            FindingDocuments documents,
            FindingsMessages messages,
            FindingsAudit audit,
            Clock clock) {
        this.leads = leads;
        this.work = work;
        this.findings = findings;
        this.access = access;
        this.files = files;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/leads")
    @PreAuthorize(Access.LEADS)
    String register(RegionScope scope, Authentication authentication, Model model) {
        List<Lead> register = work.register(filter(access.caller(authentication), scope, authentication));
        audit.record(AuditAction.VIEW_CONFIDENTIAL, "LeadRegister", "list", register.size() + " leads, status only");
        model.addAttribute("leads", register);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute(
                "overdue",
                register.stream().filter(l -> l.overdue(LocalDate.now(clock))).count());
        return "findings/leads";
    }

    @GetMapping("/leads/register.xlsx")
    @PreAuthorize(Access.LEADS)
    ResponseEntity<byte[]> export(RegionScope scope, Authentication authentication) throws IOException {
        List<Lead> register = work.register(filter(access.caller(authentication), scope, authentication));
        LocalDate today = LocalDate.now(clock);
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (Lead l : register) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(l.registerNumber());
            row.add(l.townshipName());
            row.add(l.localityName());
            row.add(l.receiverName());
            row.add(LeadLabels.sensitivity(l.sensitivity()));
            row.add(LeadLabels.state(l.state()));
            row.add(l.transferredOn() == null ? null : l.transferredOn().toString());
            row.add(l.reportDue() == null ? null : l.reportDue().toString());
            row.add(l.overdue(today) ? "逾期" : "");
            rows.add(row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(
                out,
                List.of(new XlsxExport.SheetData(
                        "问题线索台账",
                        List.of("移交编号", "乡镇", "村居", "承办单位", "敏感程度", "状态", "移交日期", "反馈期限", "逾期"),
                        rows.stream())));
        audit.record(AuditAction.EXPORT, "LeadRegister", "xlsx", register.size() + " leads, status only");
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("问题线索台账.xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    @GetMapping("/leads/new")
    @PreAuthorize(Access.RAISE)
    String newForm(
            @RequestParam(required = false) @Nullable Long finding,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @Nullable Long locality,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        Origin origin = origin(finding, round, locality, scope, authentication);
        model.addAttribute("origin", origin);
        if (!model.containsAttribute("form")) {
            Finding f = origin.finding();
            model.addAttribute(
                    "form",
                    new LeadForm(
                            f == null ? "" : f.peopleConcerned(),
                            f == null ? "" : f.description(),
                            f == null ? null : f.amount(),
                            ReceivingBody.DISCIPLINE_COMMISSION,
                            "",
                            Lead.Sensitivity.SENSITIVE));
        }
        addChoices(model);
        return "findings/lead-new";
    }

    @PostMapping("/leads")
    @PreAuthorize(Access.RAISE)
    String raise(
            @RequestParam(required = false) @Nullable Long finding,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @Nullable Long locality,
            @Valid @ModelAttribute("form") LeadForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        Origin origin = origin(finding, round, locality, scope, authentication);
        if (!errors.hasErrors()) {
            try {
                long id = work.raise(
                        access.caller(authentication),
                        origin.round(),
                        origin.locality().localityId(),
                        origin.finding() == null ? null : origin.finding().id(),
                        form.entry());
                return "redirect:/leads/" + id;
            } catch (FindingRuleViolation violation) {
                model.addAttribute("error", messages.of(violation));
            }
        }
        model.addAttribute("origin", origin);
        addChoices(model);
        return "findings/lead-new";
    }

    @GetMapping("/leads/{id}")
    @PreAuthorize(Access.LEADS)
    String page(@PathVariable long id, RegionScope scope, Authentication authentication, Model model) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        boolean mayRead = work.mayRead(caller, lead);
        model.addAttribute("lead", lead);
        model.addAttribute("mayRead", mayRead);
        if (mayRead) {
            model.addAttribute("leadContent", work.read(caller, lead, "lead page"));
        } else {
            audit.record(AuditAction.VIEW_CONFIDENTIAL, "Lead", lead.id(), "status only");
        }
        model.addAttribute("overdue", lead.overdue(LocalDate.now(clock)));
        model.addAttribute("mayTransfer", caller.director() && lead.state() == Lead.State.RAISED);
        boolean receiver = caller.has("LEAD_RECEIVER") && lead.sentTo(caller.receivingBody());
        model.addAttribute("mayReceive", receiver && lead.state() == Lead.State.TRANSFERRED);
        model.addAttribute("mayReport", receiver && lead.state() == Lead.State.RECEIVED);
        model.addAttribute("mayAddFile", mayRead && !caller.has("LEAD_RECEIVER") && lead.state() == Lead.State.RAISED);
        model.addAttribute("dispositionKinds", Lead.DispositionKind.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "findings/lead";
    }

    @PostMapping("/leads/{id}/files")
    @PreAuthorize(Access.RAISE)
    String addFile(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        return act(
                redirect,
                id,
                () -> work.addFile(caller, lead, FindingController.name(file), FindingController.bytes(file)));
    }

    @GetMapping("/leads/{id}/files/{fileId}")
    @PreAuthorize(Access.LEADS)
    ResponseEntity<byte[]> download(
            @PathVariable long id, @PathVariable String fileId, RegionScope scope, Authentication authentication) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        LeadContent content = readOrRefuse(caller, lead, "file download");
        LeadContent.LeadFile file = content.files().stream()
                .filter(f -> f.fileId().equals(fileId))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] bytes;
        try (InputStream in = files.open(fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditAction.EXPORT, "LeadFile", lead.id(), file.sha256());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes);
    }

    @GetMapping("/leads/{id}/letter.docx")
    @PreAuthorize(Access.LEADS)
    ResponseEntity<byte[]> letter(@PathVariable long id, RegionScope scope, Authentication authentication) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        if (lead.registerNumber() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LeadContent content = readOrRefuse(caller, lead, "transfer letter");
        long township = access.locality(lead.roundId(), lead.localityId())
                .map(RoundLocality::townshipId)
                .orElse(0L);
        byte[] bytes = documents.transferLetter(lead, content, township);
        String fileName = "移交函-" + lead.registerNumber() + ".docx";
        audit.record(AuditAction.EXPORT, "Lead", lead.id(), fileName);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(FindingController.DOCX))
                .body(bytes);
    }

    @PostMapping("/leads/{id}/transfer")
    @PreAuthorize(Access.DIRECTOR)
    String transfer(
            @PathVariable long id,
            @RequestParam int version,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        return act(redirect, id, () -> work.transfer(caller, lead, version));
    }

    @PostMapping("/leads/{id}/receive")
    @PreAuthorize(Access.RECEIVER)
    String receive(
            @PathVariable long id,
            @RequestParam int version,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        return act(redirect, id, () -> work.receive(caller, lead, version));
    }

    @PostMapping("/leads/{id}/disposition")
    @PreAuthorize(Access.RECEIVER)
    String disposition(
            @PathVariable long id,
            @Valid @ModelAttribute DispositionForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Caller caller = access.caller(authentication);
        Lead lead = load(id, caller, scope);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of(new FindingRuleViolation("lead.rule.dispositionDate")));
            return "redirect:/leads/" + id;
        }
        return act(
                redirect,
                id,
                () -> work.reportDisposition(
                        caller, lead, form.kind(), form.on(), form.note() == null ? "" : form.note(), form.version()));
    }

    /** Where a new lead comes from: a finding in scope, or a round's 村居 in scope. */
    record Origin(
            RoundId round, RoundLocality locality, @Nullable Finding finding) {}

    private Origin origin(
            @Nullable Long findingId,
            @Nullable Long round,
            @Nullable Long locality,
            RegionScope scope,
            Authentication authentication) {
        if (findingId != null) {
            Finding f = findings.find(findingId, access.prefixes(scope))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            RoundLocality l = access.localities(f.roundId(), scope, authentication).stream()
                    .filter(x -> x.localityId() == f.localityId())
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return new Origin(f.roundId(), l, f);
        }
        if (round == null || locality == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RoundLocality l = access.localities(new RoundId(round), scope, authentication).stream()
                .filter(x -> x.localityId() == locality)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new Origin(new RoundId(round), l, null);
    }

    private void addChoices(Model model) {
        model.addAttribute("receivers", ReceivingBody.values());
        model.addAttribute("sensitivities", Lead.Sensitivity.values());
        model.addAttribute("reportMonths", work.reportMonths());
    }

    private LeadContent readOrRefuse(Caller caller, Lead lead, String purpose) {
        try {
            return work.read(caller, lead, purpose);
        } catch (FindingRuleViolation refused) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private String act(RedirectAttributes redirect, long id, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (FindingRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        } catch (FileRejected rejected) {
            redirect.addFlashAttribute("error", messages.of(rejected));
        }
        return "redirect:/leads/" + id;
    }

    private LeadRecords.Filter filter(Caller caller, RegionScope scope, Authentication authentication) {
        if (caller.office()) {
            return new LeadRecords.Filter(access.prefixes(scope), null, null);
        }
        if (caller.has("LEAD_RECEIVER")) {
            return caller.receivingBody() == null
                    ? new LeadRecords.Filter(null, null, List.of())
                    : new LeadRecords.Filter(null, caller.receivingBody(), null);
        }
        return new LeadRecords.Filter(null, null, access.ledRoundLocalities(caller, scope, authentication));
    }

    /** The lead if the caller may know it exists: office in scope, the raising group's leader, the receiving body. */
    private Lead load(long id, Caller caller, RegionScope scope) {
        Lead lead = leads.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean visible = (caller.office()
                        && access.prefixes(scope).stream()
                                .anyMatch(p -> lead.localityPath().startsWith(p.substring(0, p.length() - 1))))
                || access.leads(caller, lead.roundId(), lead.localityId())
                || (caller.has("LEAD_RECEIVER") && lead.sentTo(caller.receivingBody()));
        if (!visible) {
            audit.record(AuditAction.ACCESS_DENIED, "Lead", id, AuditOutcome.FAILURE, "not visible");
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return lead;
    }
}
