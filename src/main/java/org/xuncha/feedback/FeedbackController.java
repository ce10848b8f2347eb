package org.xuncha.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.web.Paged;

/**
 * Feedback pages: the inbox of lists (a township liaison's 反馈清单收件箱), a round's feedback (generate the lists,
 * see what keeps them back), a list (its 村居 and problems, terms, meeting, issue) and its downloads.
 */
@Controller
class FeedbackController {

    /** Generating a round's lists: months for the rectification report. */
    record GenerateForm(@NotNull @Min(1) @Max(12) Integer months) {}

    /** A list's terms: months for the rectification report and the requirement text. */
    record TermsForm(
            @NotNull @Min(1) @Max(12) Integer months,
            @NotBlank @Size(max = 2000) String requirements,
            int version) {}

    /** 反馈会: date, place and attendees. */
    record MeetingForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate on,

            @NotBlank @Size(max = 200) String place,
            @NotBlank @Size(max = 1000) String attendees,
            int version) {}

    private final FeedbackLists lists;
    private final FeedbackIssuing issuing;
    private final FeedbackScopes scopes;
    private final FeedbackDocuments documents;
    private final FeedbackMessages messages;
    private final FeedbackAudit audit;
    private final Seals seals;
    private final Rounds rounds;
    private final Clock clock;

    FeedbackController(
            FeedbackLists lists,
            FeedbackIssuing issuing,
            FeedbackScopes scopes,
            FeedbackDocuments documents,
            FeedbackMessages messages,
            FeedbackAudit audit,
            Seals seals,
            Rounds rounds,
            Clock clock) {
        this.lists = lists;
        this.issuing = issuing;
        this.scopes = scopes;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
        this.seals = seals;
        this.rounds = rounds;
        this.clock = clock;
    }

    @GetMapping("/feedback")
    @PreAuthorize(Access.LISTS)
    String inbox(@RequestParam(defaultValue = "0") int page, RegionScope scope, Authentication caller, Model model) {
        FeedbackLists.Reach reach = scopes.reach(scope, caller);
        if (scopes.groupOnly(caller)) {
            List<FeedbackLists.Line> lines = new ArrayList<>();
            for (RoundSummary round : rounds.visible(scope, caller, 0, 200).items()) {
                for (FeedbackList list : lists.ofRound(round.id(), reach)) {
                    FeedbackList mine = scopes.visible(list, scope, caller);
                    if (mine != null) {
                        lines.add(line(mine));
                    }
                }
            }
            model.addAttribute("results", new Paged<>(lines, 0, Math.max(1, lines.size()), lines.size()));
        } else {
            model.addAttribute("results", lists.page(reach, Paged.pageNumber(page), Paged.DEFAULT_SIZE));
        }
        List<RoundSummary> ready = FeedbackScopes.liaisonOnly(caller)
                ? List.of()
                : rounds.visible(scope, caller, 0, 100).items().stream()
                        .filter(r -> FeedbackIssuing.FEEDBACK_STATES.contains(r.state()))
                        .toList();
        model.addAttribute("rounds", ready);
        model.addAttribute("roundLabels", roundLabels(scope, caller));
        return "feedback/inbox";
    }

    @GetMapping("/feedback/rounds/{roundId}")
    @PreAuthorize(Access.ROUND)
    String round(@PathVariable long roundId, RegionScope scope, Authentication caller, Model model) {
        RoundSummary round = round(roundId, scope, caller);
        FeedbackLists.Reach reach = scopes.reach(scope, caller);
        List<FeedbackList> visible = lists.ofRound(round.id(), reach).stream()
                .map(l -> scopes.visible(l, scope, caller))
                .filter(l -> l != null)
                .toList();
        model.addAttribute("round", round);
        model.addAttribute("lists", visible);
        model.addAttribute("unapproved", issuing.unapproved(round));
        model.addAttribute("sealed", seals.isSealed(round.id()));
        model.addAttribute("feedbackState", FeedbackIssuing.FEEDBACK_STATES.contains(round.state()));
        model.addAttribute("allIssued", !visible.isEmpty() && visible.stream().allMatch(FeedbackList::issued));
        if (!model.containsAttribute("generateForm")) {
            model.addAttribute("generateForm", new GenerateForm(issuing.defaultMonths()));
        }
        return "feedback/round";
    }

    @PostMapping("/feedback/rounds/{roundId}/lists")
    @PreAuthorize(Access.ISSUE)
    String generate(
            @PathVariable long roundId,
            @Valid @ModelAttribute("generateForm") GenerateForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        RoundSummary round = round(roundId, scope, caller);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", messages.of("feedback.invalid.months"));
            return "redirect:/feedback/rounds/" + roundId;
        }
        try {
            int written = issuing.generate(
                    round, rounds.localities(round.id(), scope), form.months(), caller.getName(), clock.instant());
            redirect.addFlashAttribute("saved", messages.of("feedback.generated", written));
        } catch (FeedbackRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/feedback/rounds/" + roundId;
    }

    @GetMapping("/feedback/{id}")
    @PreAuthorize(Access.LISTS)
    String show(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        FeedbackList list = load(id, scope, caller);
        RoundSummary round = round(list.roundId().value(), scope, caller);
        model.addAttribute("list", list);
        model.addAttribute("round", round);
        model.addAttribute("sealed", seals.isSealed(round.id()));
        model.addAttribute(
                "localityIds",
                list.problems().stream()
                        .collect(Collectors.toMap(
                                FeedbackList.Problem::localityName,
                                FeedbackList.Problem::localityId,
                                (a, b) -> a,
                                java.util.LinkedHashMap::new)));
        if (!model.containsAttribute("termsForm")) {
            model.addAttribute("termsForm", new TermsForm(list.reportMonths(), list.requirements(), list.version()));
        }
        if (!model.containsAttribute("meetingForm")) {
            FeedbackList.Meeting meeting = list.meeting();
            model.addAttribute(
                    "meetingForm",
                    meeting == null
                            ? new MeetingForm(null, list.townshipName() + "党委会议室", "", list.version())
                            : new MeetingForm(meeting.on(), meeting.place(), meeting.attendees(), list.version()));
        }
        return "feedback/list";
    }

    @PostMapping("/feedback/{id}/terms")
    @PreAuthorize(Access.ISSUE)
    String revise(
            @PathVariable long id,
            @Valid @ModelAttribute("termsForm") TermsForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        FeedbackList list = load(id, scope, caller);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", invalid(errors));
            return "redirect:/feedback/" + id;
        }
        try {
            issuing.revise(
                    list,
                    round(list.roundId().value(), scope, caller),
                    form.months(),
                    form.requirements().strip(),
                    form.version());
            redirect.addFlashAttribute("saved", messages.of("feedback.saved"));
        } catch (FeedbackRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/feedback/" + id;
    }

    @PostMapping("/feedback/{id}/meeting")
    @PreAuthorize(Access.ISSUE)
    String meeting(
            @PathVariable long id,
            @Valid @ModelAttribute("meetingForm") MeetingForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        FeedbackList list = load(id, scope, caller);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", invalid(errors));
            redirect.addFlashAttribute("meetingForm", form);
            return "redirect:/feedback/" + id;
        }
        try {
            issuing.recordMeeting(
                    list,
                    round(list.roundId().value(), scope, caller),
                    new FeedbackList.Meeting(
                            form.on(), form.place().strip(), form.attendees().strip()),
                    form.version());
            redirect.addFlashAttribute("saved", messages.of("feedback.saved"));
        } catch (FeedbackRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/feedback/" + id;
    }

    @PostMapping("/feedback/{id}/issue")
    @PreAuthorize(Access.ISSUE)
    String issue(
            @PathVariable long id,
            @RequestParam int version,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        FeedbackList list = load(id, scope, caller);
        try {
            FeedbackIssued issued = issuing.issue(
                    list, round(list.roundId().value(), scope, caller), version, caller.getName(), clock.instant());
            redirect.addFlashAttribute(
                    "saved", messages.of("feedback.issued", issued.problems().size(), issued.reportDue()));
        } catch (FeedbackRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/feedback/" + id;
    }

    @GetMapping("/feedback/{id}/list.docx")
    @PreAuthorize(Access.LISTS)
    ResponseEntity<byte[]> townshipDocx(@PathVariable long id, RegionScope scope, Authentication caller) {
        FeedbackList list = load(id, scope, caller);
        RoundSummary round = round(list.roundId().value(), scope, caller);
        String name = FeedbackDocuments.townshipFileName(round, list, "docx");
        audit.record(AuditAction.EXPORT, "FeedbackList", id, name);
        return download(name, FeedbackDocuments.DOCX, documents.townshipList(round, list, LocalDate.now(clock)));
    }

    @GetMapping("/feedback/{id}/ledger.xlsx")
    @PreAuthorize(Access.LISTS)
    ResponseEntity<byte[]> ledger(@PathVariable long id, RegionScope scope, Authentication caller) {
        FeedbackList list = load(id, scope, caller);
        RoundSummary round = round(list.roundId().value(), scope, caller);
        String name = FeedbackDocuments.townshipFileName(round, list, "xlsx");
        audit.record(AuditAction.EXPORT, "FeedbackList", id, name);
        return download(name, FeedbackDocuments.XLSX, documents.ledger(List.of(list)));
    }

    @GetMapping("/feedback/{id}/localities/{localityId}.docx")
    @PreAuthorize(Access.LISTS)
    ResponseEntity<byte[]> localityDocx(
            @PathVariable long id, @PathVariable long localityId, RegionScope scope, Authentication caller) {
        FeedbackList list = load(id, scope, caller);
        RoundSummary round = round(list.roundId().value(), scope, caller);
        String localityName = rounds.localities(round.id(), scope, caller).stream()
                .filter(l -> l.localityId() == localityId && l.townshipId() == list.townshipId())
                .map(RoundLocality::name)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String name = FeedbackDocuments.localityFileName(round, localityName);
        audit.record(AuditAction.EXPORT, "FeedbackList", id, name);
        return download(
                name, FeedbackDocuments.DOCX, documents.localityList(round, list, localityName, LocalDate.now(clock)));
    }

    private FeedbackList load(long id, RegionScope scope, Authentication caller) {
        FeedbackList list = lists.find(id, scopes.reach(scope, caller))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FeedbackList visible = scopes.visible(list, scope, caller);
        if (visible == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return visible;
    }

    private RoundSummary round(long id, RegionScope scope, Authentication caller) {
        return rounds.find(new RoundId(id), scope, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private java.util.Map<Long, String> roundLabels(RegionScope scope, Authentication caller) {
        return rounds.visible(scope, caller, 0, 200).items().stream()
                .collect(Collectors.toMap(r -> r.id().value(), r -> r.termName() + r.label(), (a, b) -> a));
    }

    private String invalid(BindingResult errors) {
        Set<String> fields = errors.getFieldErrors().stream()
                .map(e -> messages.of("feedback.field." + e.getField()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return messages.of("feedback.invalid", String.join("、", fields));
    }

    private static FeedbackLists.Line line(FeedbackList list) {
        return new FeedbackLists.Line(
                list.id(),
                list.roundId(),
                list.townshipName(),
                list.state(),
                list.problems().size(),
                (int) list.fixedOnTheSpot(),
                list.issuedOn(),
                list.reportDue());
    }

    static ResponseEntity<byte[]> download(String fileName, String type, byte[] bytes) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(type))
                .body(bytes);
    }
}
