package org.xuncha.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.xuncha.files.FileRejected;
import org.xuncha.files.FileStore;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * A finding (问题) of a round: recording it in a 村居 of the caller's group, its page with evidence history, working
 * paper and its steps, repeat links and 立行立改, and its two sheets. The list is {@link FindingListController}.
 */
@Controller
class FindingController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A finding as the group writes it. */
    record FindingForm(
            @NotNull Long categoryId,
            @NotBlank @Size(max = 2000) String description,
            @NotNull SourceKind sourceKind,
            @Nullable Long sourceId,
            @Size(max = 500) @Nullable String sourceNote,
            @Size(max = 500) @Nullable String peopleConcerned,

            @DecimalMin("0") @Digits(integer = 14, fraction = 2) @Nullable
            BigDecimal amount,

            @NotNull Severity severity,
            int version) {

        static FindingForm blank() {
            return new FindingForm(null, "", SourceKind.VISIT, null, "", "", null, Severity.GENERAL, 0);
        }

        static FindingForm of(Finding f) {
            return new FindingForm(
                    f.categoryId(),
                    f.description(),
                    f.sourceKind(),
                    f.sourceId(),
                    f.sourceNote(),
                    f.peopleConcerned(),
                    f.amount(),
                    f.severity(),
                    f.version());
        }

        FindingWork.NewFinding entry() {
            return new FindingWork.NewFinding(
                    categoryId,
                    description,
                    sourceKind,
                    sourceId,
                    sourceNote == null ? "" : sourceNote,
                    peopleConcerned == null ? "" : peopleConcerned,
                    amount,
                    severity);
        }
    }

    /** The working paper as the member writes it. */
    record PaperForm(
            @Size(max = 5000) @Nullable String facts,
            @Size(max = 2000) @Nullable String ruleBroken,
            @Size(max = 2000) @Nullable String proposedHandling,
            int version) {

        Finding.Paper paper() {
            return new Finding.Paper(
                    facts == null ? "" : facts,
                    ruleBroken == null ? "" : ruleBroken,
                    proposedHandling == null ? "" : proposedHandling);
        }
    }

    /** 立行立改 as the group records it. */
    record FixForm(
            @NotBlank @Size(max = 2000) String action,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate fixedOn,

            int version) {}

    private final FindingRecords records;
    private final FindingWork work;
    private final Categories categories;
    private final GroupAccess access;
    private final Rounds rounds;
    private final FileStore files;
    private final FindingDocuments documents;
    private final FindingsMessages messages;
    private final FindingsAudit audit;
    private final Clock clock;

    FindingController(
            FindingRecords records,
            FindingWork work,
            Categories categories,
            GroupAccess access,
            Rounds rounds,
            FileStore files,
            FindingDocuments documents,
            FindingsMessages messages,
            FindingsAudit audit,
            Clock clock) {
        this.records = records;
        this.work = work;
        this.categories = categories;
        this.access = access;
        this.rounds = rounds;
        this.files = files;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/findings/new")
    @PreAuthorize(Access.RECORD)
    String newForm(
            @RequestParam long round,
            @RequestParam(required = false) @Nullable Long locality,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        RoundSummary summary = round(round, scope, authentication);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FindingForm.blank());
        }
        return newPage(summary, locality, scope, authentication, model);
    }

    private String newPage(
            RoundSummary summary, @Nullable Long locality, RegionScope scope, Authentication auth, Model model) {
        model.addAttribute("round", summary);
        model.addAttribute("localities", access.localities(summary.id(), scope, auth));
        model.addAttribute("locality", locality);
        model.addAttribute("categories", categories.active());
        model.addAttribute("sourceKinds", SourceKind.values());
        model.addAttribute("severities", Severity.values());
        return "findings/new";
    }

    @PostMapping("/findings")
    @PreAuthorize(Access.RECORD)
    String record(
            @RequestParam long round,
            @RequestParam long locality,
            @Valid @ModelAttribute("form") FindingForm form,
            BindingResult errors,
            @RequestParam(value = "photo", required = false) @Nullable MultipartFile photo,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        RoundSummary summary = round(round, scope, authentication);
        if (access.localities(summary.id(), scope, authentication).stream()
                .noneMatch(l -> l.localityId() == locality)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!errors.hasErrors()) {
            try {
                Caller caller = access.caller(authentication);
                Finding finding = work.record(caller, summary.id(), locality, form.entry());
                if (photo != null && !photo.isEmpty()) {
                    work.addEvidence(caller, finding, Evidence.Purpose.FINDING, "", name(photo), bytes(photo));
                }
                return "redirect:/findings/" + finding.id();
            } catch (FindingRuleViolation violation) {
                model.addAttribute("error", messages.of(violation));
            } catch (FileRejected rejected) {
                model.addAttribute("error", messages.of(rejected));
            }
        }
        return newPage(summary, locality, scope, authentication, model);
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize(Access.FINDINGS)
    String page(@PathVariable long id, RegionScope scope, Authentication authentication, Model model) {
        Finding finding = load(id, scope, authentication);
        Caller caller = access.caller(authentication);
        List<PaperStep> steps = records.steps(id);
        model.addAttribute("finding", finding);
        model.addAttribute("roundLabel", roundLabel(finding.roundId(), scope, authentication));
        model.addAttribute("evidence", records.evidence(id));
        model.addAttribute("steps", steps);
        model.addAttribute(
                "lastReturn",
                finding.state() == FindingState.RETURNED
                        ? steps.stream()
                                .filter(s -> s.action().returned())
                                .reduce((a, b) -> b)
                                .orElse(null)
                        : null);
        model.addAttribute("links", records.links(id));
        boolean inGroup = access.servesIn(caller, finding.roundId(), finding.localityId());
        model.addAttribute("inGroup", inGroup);
        model.addAttribute("mayEdit", inGroup && finding.editable());
        model.addAttribute(
                "mayLead",
                access.leads(caller, finding.roundId(), finding.localityId())
                        && finding.state() == FindingState.SUBMITTED);
        model.addAttribute("mayReview", caller.office() && finding.state() == FindingState.LEADER_APPROVED);
        model.addAttribute(
                "mayRaiseLead", caller.director() || access.leads(caller, finding.roundId(), finding.localityId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FindingForm.of(finding));
        }
        model.addAttribute("categories", categories.all());
        model.addAttribute("sourceKinds", SourceKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "findings/finding";
    }

    @PostMapping("/findings/{id}")
    @PreAuthorize(Access.RECORD)
    String revise(
            @PathVariable long id,
            @Valid @ModelAttribute("form") FindingForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.form", errors);
            return "redirect:/findings/" + id + "#edit";
        }
        return act(
                redirect, id, () -> work.revise(access.caller(authentication), finding, form.entry(), form.version()));
    }

    @PostMapping("/findings/{id}/evidence")
    @PreAuthorize(Access.RECORD)
    String addEvidence(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "FINDING") Evidence.Purpose purpose,
            @RequestParam("file") MultipartFile file,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        return act(
                redirect,
                id,
                () -> work.addEvidence(
                        access.caller(authentication), finding, purpose, title, name(file), bytes(file)));
    }

    @PostMapping("/findings/{id}/evidence/{evidenceId}")
    @PreAuthorize(Access.RECORD)
    String replaceEvidence(
            @PathVariable long id,
            @PathVariable long evidenceId,
            @RequestParam int version,
            @RequestParam("file") MultipartFile file,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        return act(
                redirect,
                id,
                () -> work.replaceEvidence(
                        access.caller(authentication), finding, evidenceId, version, name(file), bytes(file)));
    }

    @GetMapping("/findings/{id}/files/{fileId}")
    @PreAuthorize(Access.FINDINGS)
    ResponseEntity<byte[]> download(
            @PathVariable long id, @PathVariable String fileId, RegionScope scope, Authentication authentication) {
        Finding finding = load(id, scope, authentication);
        Map.Entry<Long, Evidence.FileVersion> found = records.fileVersion(fileId)
                .filter(e -> e.getKey() == finding.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Evidence.FileVersion version = found.getValue();
        byte[] bytes;
        try (InputStream in = files.open(fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(
                AuditAction.EXPORT,
                "Evidence",
                version.evidenceId(),
                "version " + version.number() + " of finding " + id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(version.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(
                        org.xuncha.files.FileType.valueOf(version.fileType()).mediaType()))
                .body(bytes);
    }

    @PostMapping("/findings/{id}/paper")
    @PreAuthorize(Access.RECORD)
    String paper(
            @PathVariable long id,
            @Valid @ModelAttribute PaperForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "save") String action,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of(new FindingRuleViolation("paper.rule.tooLong")));
            return "redirect:/findings/" + id + "#paper";
        }
        Caller caller = access.caller(authentication);
        return act(redirect, id, () -> {
            if ("submit".equals(action)) {
                work.submit(caller, finding, form.paper(), form.version());
            } else {
                work.draftPaper(caller, finding, form.paper(), form.version());
            }
        });
    }

    @PostMapping("/findings/{id}/leader")
    @PreAuthorize(Access.LEADER)
    String leaderDecides(
            @PathVariable long id,
            @RequestParam boolean approve,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam int version,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        return act(
                redirect,
                id,
                () -> work.leaderDecides(access.caller(authentication), finding, approve, comment, version));
    }

    @PostMapping("/findings/{id}/office")
    @PreAuthorize(Access.OFFICE)
    String officeDecides(
            @PathVariable long id,
            @RequestParam boolean approve,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam int version,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        return act(
                redirect,
                id,
                () -> work.officeDecides(access.caller(authentication), finding, approve, comment, version));
    }

    @PostMapping("/findings/{id}/fix")
    @PreAuthorize(Access.RECORD)
    String fix(
            @PathVariable long id,
            @Valid @ModelAttribute FixForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        Finding finding = load(id, scope, authentication);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of(new FindingRuleViolation("fix.rule.actionRequired")));
            return "redirect:/findings/" + id + "#fix";
        }
        return act(
                redirect,
                id,
                () -> work.fixedOnTheSpot(
                        access.caller(authentication), finding, form.action(), form.fixedOn(), form.version()));
    }

    @GetMapping("/findings/{id}/approval-sheet.docx")
    @PreAuthorize(Access.FINDINGS)
    ResponseEntity<byte[]> approvalSheet(@PathVariable long id, RegionScope scope, Authentication authentication) {
        Finding finding = load(id, scope, authentication);
        byte[] bytes = documents.approvalSheet(
                finding,
                records.evidence(id),
                records.steps(id),
                roundLabel(finding.roundId(), scope, authentication),
                clock.getZone());
        return docx(bytes, "问题底稿审批单-" + finding.localityName() + "-" + id + ".docx", id);
    }

    @GetMapping("/findings/{id}/fact-confirmation.docx")
    @PreAuthorize(Access.FINDINGS)
    ResponseEntity<byte[]> factConfirmation(@PathVariable long id, RegionScope scope, Authentication authentication) {
        Finding finding = load(id, scope, authentication);
        byte[] bytes = documents.factConfirmation(finding, records.evidence(id), LocalDate.now(clock));
        return docx(bytes, "事实确认单-" + finding.localityName() + "-" + id + ".docx", id);
    }

    private ResponseEntity<byte[]> docx(byte[] bytes, String fileName, long id) {
        audit.record(AuditAction.EXPORT, "Finding", id, fileName);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(DOCX))
                .body(bytes);
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
        return "redirect:/findings/" + id;
    }

    /** The finding within the caller's region scope and, for group members, their group's 村居; else 404. */
    Finding load(long id, RegionScope scope, Authentication authentication) {
        Finding finding = records.find(id, access.prefixes(scope))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (access.groupOnly(authentication)
                && !access.servesIn(access.caller(authentication), finding.roundId(), finding.localityId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return finding;
    }

    private RoundSummary round(long id, RegionScope scope, Authentication authentication) {
        return rounds.find(new RoundId(id), scope, authentication)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String roundLabel(RoundId id, RegionScope scope, Authentication authentication) {
        return rounds.find(id, scope, authentication)
                .map(r -> r.termName() + " " + r.label())
                .orElse("");
    }

    static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "file" : name;
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
