package org.xuncha.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.audit.AuditAction;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.web.Paged;

/**
 * Rounds: the list, the planner (pick townships → their 村居 by kind and intensity → dates → create), the round page
 * with its state and next action, its calendar, and its documents.
 */
@Controller
class RoundController {

    /** The planner's form: step 1 (term, kind, townships), step 2 (村居), dates and channels. */
    record PlannerForm(
            @NotNull Long term,
            @NotNull RoundKind kind,
            @NotEmpty List<Long> township,
            @NotEmpty List<Long> locality,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate entryDate,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate exitDate,

            @Size(max = 40) @Pattern(regexp = "[0-9\\-+ ()]*") @Nullable
            String phone,

            @Size(max = 100) @Email @Nullable String email,
            @Size(max = 200) @Nullable String postBox) {}

    /** New dates and channels of a planned round. */
    record ScheduleForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate entryDate,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate exitDate,

            @Size(max = 40) @Pattern(regexp = "[0-9\\-+ ()]*") @Nullable
            String phone,

            @Size(max = 100) @Email @Nullable String email,
            @Size(max = 200) @Nullable String postBox,
            int version) {

        static ScheduleForm of(InspectionRound round) {
            return new ScheduleForm(
                    round.schedule().entryDate(),
                    round.schedule().exitDate(),
                    round.channels().phone(),
                    round.channels().email(),
                    round.channels().postBox(),
                    round.version());
        }

        InspectionRound.Channels channels() {
            return RoundController.channels(phone, email, postBox);
        }
    }

    private final InspectionRounds rounds;
    private final Terms terms;
    private final Meetings meetings;
    private final FocusItems focusItems;
    private final RoundPlanning planning;
    private final RoundPlanner planner;
    private final RoundDocuments documents;
    private final PlanningMessages messages;
    private final PlanningAudit audit;
    private final Regions regions;
    private final RoundScopes scopes;
    private final InspectionGroups groups;
    private final RoundGroupsView groupsView;
    private final Clock clock;

    RoundController(
            InspectionRounds rounds,
            Terms terms,
            Meetings meetings,
            FocusItems focusItems,
            RoundPlanning planning,
            RoundPlanner planner,
            RoundDocuments documents,
            PlanningMessages messages,
            PlanningAudit audit,
            Regions regions,
            RoundScopes scopes,
            InspectionGroups groups,
            RoundGroupsView groupsView,
            Clock clock) {
        this.scopes = scopes;
        this.groups = groups;
        this.groupsView = groupsView;
        this.rounds = rounds;
        this.terms = terms;
        this.meetings = meetings;
        this.focusItems = focusItems;
        this.planning = planning;
        this.planner = planner;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/rounds")
    @PreAuthorize(Access.ROUNDS)
    String list(
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable RoundState state,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        ScopePrefixes prefixes = scopes.of(scope, authentication);
        InspectionRounds.Filter filter = new InspectionRounds.Filter(term, state);
        model.addAttribute("filter", filter);
        model.addAttribute("results", rounds.page(filter, prefixes, Paged.pageNumber(page), Paged.DEFAULT_SIZE));
        model.addAttribute("terms", terms.all(prefixes));
        model.addAttribute("states", RoundState.values());
        return hx != null ? "planning/rounds :: results" : "planning/rounds";
    }

    @GetMapping("/rounds/new")
    @PreAuthorize(Access.PLAN)
    String planner(
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(defaultValue = "REGULAR") RoundKind kind,
            @RequestParam(required = false) @Nullable List<Long> township,
            @RequestParam(required = false) @Nullable List<Long> locality,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate entryDate,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate exitDate,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String postBox,
            @RequestParam(defaultValue = "false") boolean keep,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Model model) {
        ScopePrefixes prefixes = ScopePrefixes.of(scope, regions);
        List<Term> available = terms.all(prefixes);
        if (available.isEmpty()) {
            return "redirect:/terms";
        }
        Term chosen = choose(available, term);
        List<Long> townships = township == null ? List.of() : township;
        model.addAttribute(
                "form",
                new PlannerForm(
                        chosen.id(),
                        kind,
                        townships,
                        locality == null ? List.of() : locality,
                        entryDate,
                        exitDate,
                        phone,
                        email,
                        postBox));
        // a change of step 1 preselects afresh; a change of step 2 (keep) or a full page keeps what the user ticked
        List<Long> selection = keep ? (locality == null ? List.of() : locality) : hx != null ? null : locality;
        addPlanner(model, available, chosen, kind, townships, selection, scope);
        return hx != null ? "planning/round-new :: localities" : "planning/round-new";
    }

    @PostMapping("/rounds")
    @PreAuthorize(Access.PLAN)
    String create(
            @Valid @ModelAttribute("form") PlannerForm form,
            BindingResult errors,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        ScopePrefixes prefixes = ScopePrefixes.of(scope, regions);
        List<Term> available = terms.all(prefixes);
        if (available.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Term term = form.term() == null
                ? choose(available, null)
                : available.stream()
                        .filter(t -> t.id() == form.term())
                        .findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!errors.hasErrors()) {
            try {
                InspectionRound round = planning.plan(
                        term,
                        form.kind(),
                        new InspectionRound.Schedule(form.entryDate(), form.exitDate()),
                        channels(form.phone(), form.email(), form.postBox()),
                        form.township(),
                        form.locality(),
                        scope,
                        authentication.getName(),
                        clock.instant());
                return "redirect:/rounds/" + round.id();
            } catch (RoundRuleViolation violation) {
                model.addAttribute("error", messages.of(violation));
            }
        }
        addPlanner(
                model,
                available,
                term,
                form.kind() == null ? RoundKind.REGULAR : form.kind(),
                form.township() == null ? List.of() : form.township(),
                form.locality() == null ? List.of() : form.locality(),
                scope);
        return "planning/round-new";
    }

    @GetMapping("/rounds/{id}")
    @PreAuthorize(Access.ROUNDS)
    String show(@PathVariable long id, RegionScope scope, Authentication authentication, Model model) {
        addRound(id, scopes.of(scope, authentication), model);
        return "planning/round";
    }

    /** The round page with a suggested roster (建议名单) for the office to accept, adjust or regenerate. */
    @GetMapping("/rounds/{id}/suggestion")
    @PreAuthorize(Access.PLAN)
    String suggestion(
            @PathVariable long id,
            @RequestParam(defaultValue = "" + GroupPlanning.DEFAULT_PER_GROUP) int perGroup,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        InspectionRound round = addRound(id, scopes.of(scope, authentication), model);
        try {
            groupsView.addSuggestion(model, round, terms.get(round.termId()), perGroup);
        } catch (RoundRuleViolation violation) {
            model.addAttribute("error", messages.of(violation));
        }
        return "planning/round";
    }

    private InspectionRound addRound(long id, ScopePrefixes prefixes, Model model) {
        InspectionRound round = load(id, prefixes);
        List<RoundLocality> visible = rounds.localities(id, prefixes);
        List<Meeting> roundMeetings = meetings.ofRound(id);
        model.addAttribute("round", round);
        model.addAttribute("term", terms.get(round.termId()));
        model.addAttribute("localities", visible);
        model.addAttribute("groups", group(visible));
        model.addAttribute(
                "villages",
                visible.stream().filter(l -> l.kind() == RegionKind.VILLAGE).count());
        model.addAttribute(
                "communities",
                visible.stream().filter(l -> l.kind() == RegionKind.COMMUNITY).count());
        model.addAttribute(
                "focused",
                visible.stream().filter(l -> l.intensity() == Intensity.FOCUSED).count());
        model.addAttribute(
                "expedited",
                visible.stream()
                        .filter(l -> l.intensity() == Intensity.EXPEDITED)
                        .count());
        model.addAttribute("states", RoundState.values());
        model.addAttribute("meetings", roundMeetings);
        model.addAttribute(
                "calendar", RoundCalendar.of(round, roundMeetings, initialMonth(round), LocalDate.now(clock)));
        model.addAttribute("documentKinds", RoundDocuments.Kind.values());
        model.addAttribute("meetingKinds", MeetingKind.values());
        if (!model.containsAttribute("meetingForm")) {
            model.addAttribute(
                    "meetingForm",
                    MeetingController.MeetingForm.blank(round.schedule().entryDate()));
        }
        if (!model.containsAttribute("scheduleForm")) {
            model.addAttribute("scheduleForm", ScheduleForm.of(round));
        }
        groupsView.addRoster(model, round, terms.get(round.termId()), groups.ofRound(id, prefixes), visible);
        return round;
    }

    @PostMapping("/rounds/{id}/state")
    @PreAuthorize(Access.ADVANCE)
    String advance(
            @PathVariable long id,
            @RequestParam RoundState to,
            @RequestParam int version,
            RegionScope scope,
            Authentication authentication,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, scopes.of(scope, authentication));
        boolean director = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OFFICE_DIRECTOR"));
        try {
            planning.advance(
                    round, to, version, new InspectionRound.Actor(authentication.getName(), director), clock.instant());
            redirect.addFlashAttribute("saved", true);
        } catch (RoundRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/rounds/" + id;
    }

    @PostMapping("/rounds/{id}/schedule")
    @PreAuthorize(Access.PLAN)
    String reschedule(
            @PathVariable long id,
            @Valid @ModelAttribute("scheduleForm") ScheduleForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, ScopePrefixes.of(scope, regions));
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("scheduleForm", form);
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.scheduleForm", errors);
            return "redirect:/rounds/" + id + "#schedule";
        }
        try {
            planning.reschedule(
                    round,
                    terms.get(round.termId()),
                    new InspectionRound.Schedule(form.entryDate(), form.exitDate()),
                    form.channels(),
                    form.version());
            redirect.addFlashAttribute("saved", true);
        } catch (RoundRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/rounds/" + id;
    }

    @GetMapping("/rounds/{id}/calendar")
    @PreAuthorize(Access.ROUNDS)
    String calendar(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable YearMonth month,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        InspectionRound round = load(id, scopes.of(scope, authentication));
        List<Meeting> roundMeetings = meetings.ofRound(id);
        model.addAttribute("round", round);
        model.addAttribute("term", terms.get(round.termId()));
        model.addAttribute("meetings", roundMeetings);
        model.addAttribute("agenda", RoundCalendar.agenda(round, roundMeetings));
        model.addAttribute(
                "calendar",
                RoundCalendar.of(
                        round, roundMeetings, month == null ? initialMonth(round) : month, LocalDate.now(clock)));
        return hx != null ? "planning/partials/calendar :: calendar" : "planning/round-calendar";
    }

    @GetMapping("/rounds/{id}/documents/{slug}.docx")
    @PreAuthorize(Access.DOCUMENTS)
    ResponseEntity<byte[]> document(
            @PathVariable long id, @PathVariable String slug, RegionScope scope, Authentication authentication) {
        RoundDocuments.Kind kind = RoundDocuments.Kind.ofSlug(slug);
        if (kind == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        InspectionRound round = load(id, scopes.of(scope, authentication));
        Term term = terms.get(round.termId());
        byte[] bytes = documents.generate(
                kind,
                term,
                round,
                meetings.ofRound(id),
                focusItems.active(term.districtId()),
                groupsView.documentGroups(round),
                LocalDate.now(clock));
        String fileName = RoundDocuments.fileName(kind, term, round);
        audit.record(AuditAction.EXPORT, "Round", round.id(), fileName);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(bytes);
    }

    private void addPlanner(
            Model model,
            List<Term> available,
            Term term,
            RoundKind kind,
            List<Long> townships,
            @Nullable List<Long> selection,
            RegionScope scope) {
        model.addAttribute("terms", available);
        model.addAttribute("term", term);
        model.addAttribute("kinds", RoundKind.values());
        model.addAttribute("planner", planner.view(term, kind, townships, selection, scope));
    }

    /** The chosen term, else the one running today, else the latest. */
    private Term choose(List<Term> available, @Nullable Long id) {
        LocalDate today = LocalDate.now(clock);
        return available.stream()
                .filter(t -> id != null && t.id() == id)
                .findFirst()
                .or(() -> available.stream()
                        .filter(t -> !today.isBefore(t.startsOn()) && !today.isAfter(t.endsOn()))
                        .findFirst())
                .orElse(available.get(0));
    }

    private InspectionRound load(long id, ScopePrefixes scope) {
        return rounds.find(id, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private YearMonth initialMonth(InspectionRound round) {
        YearMonth now = YearMonth.now(clock);
        YearMonth entry = YearMonth.from(round.schedule().entryDate());
        YearMonth exit = YearMonth.from(round.schedule().exitDate());
        return now.isBefore(entry) || now.isAfter(exit) ? entry : now;
    }

    /** The 村居 by township name, each township's 村 before its 社区. */
    static Map<String, Map<RegionKind, List<RoundLocality>>> group(List<RoundLocality> localities) {
        Map<String, Map<RegionKind, List<RoundLocality>>> grouped = new LinkedHashMap<>();
        for (RoundLocality l : localities) {
            grouped.computeIfAbsent(l.townshipName(), t -> new LinkedHashMap<>(Map.of()));
        }
        for (Map.Entry<String, Map<RegionKind, List<RoundLocality>>> entry : grouped.entrySet()) {
            for (RegionKind kind : List.of(RegionKind.VILLAGE, RegionKind.COMMUNITY)) {
                List<RoundLocality> ofKind = localities.stream()
                        .filter(l -> l.townshipName().equals(entry.getKey()) && l.kind() == kind)
                        .toList();
                if (!ofKind.isEmpty()) {
                    entry.getValue().put(kind, ofKind);
                }
            }
        }
        return grouped;
    }

    static InspectionRound.Channels channels(@Nullable String phone, @Nullable String email, @Nullable String postBox) {
        return new InspectionRound.Channels(blankToNull(phone), blankToNull(email), blankToNull(postBox));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
