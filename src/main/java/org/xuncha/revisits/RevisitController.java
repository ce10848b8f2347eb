package org.xuncha.revisits;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.intake.Petitions;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.rectification.LocalityRecord;
import org.xuncha.rectification.Rectifications;

/**
 * Revisits (回访): the list with the satisfaction index per 村居, township and round, the 回头看 proposals below the
 * threshold, the ranking of 村居 to revisit; a new revisit; a revisit's page with the phone form, paper batch entry
 * and the QR code of its public survey; the office's questions and threshold.
 */
@Controller
class RevisitController {

    /** How the suggestion list is ranked. */
    enum Ranking {
        FINDINGS,
        RETURNED,
        SATISFACTION,
        PETITIONS
    }

    /** A 村居 to consider revisiting: its rectification record and satisfaction. */
    /** A 村居 to consider for a revisit: its rectification record, satisfaction and petitions received. */
    record Suggestion(LocalityRecord record, @Nullable Double index, long respondents, long petitions) {}

    /** A 村居 below the threshold, with the link that opens planning's new-round form for a 回头看. */
    record Proposal(String localityName, String townshipName, Double index, long respondents, String planLink) {}

    private final RevisitRecords records;
    private final RevisitWork work;
    private final Rounds rounds;
    private final Rectifications rectifications;
    private final Petitions petitions;
    private final Regions regions;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    RevisitController(
            RevisitRecords records,
            RevisitWork work,
            Rounds rounds,
            Rectifications rectifications,
            Petitions petitions,
            Regions regions,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.records = records;
        this.work = work;
        this.rounds = rounds;
        this.rectifications = rectifications;
        this.petitions = petitions;
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/revisits")
    @PreAuthorize(Access.VIEW)
    String list(
            @RequestParam(defaultValue = "FINDINGS") Ranking by,
            RegionScope scope,
            Authentication caller,
            Model model) {
        List<String> prefixes = Revisits.prefixes(scope, regions);
        int threshold = records.threshold();
        List<RevisitRecords.Group> byLocality = records.by(RevisitRecords.Level.LOCALITY, prefixes);
        Map<Long, RevisitRecords.Group> localityIndex = new HashMap<>();
        byLocality.forEach(g -> localityIndex.put(g.id(), g));
        List<Proposal> proposals = new ArrayList<>();
        for (RevisitRecords.Group g : byLocality) {
            if (g.satisfaction().below(threshold)) {
                RegionSummary locality = regions.find(g.id()).orElseThrow();
                proposals.add(new Proposal(
                        g.name(),
                        g.township() == null ? "" : g.township(),
                        g.satisfaction().index(),
                        g.satisfaction().respondents(),
                        "/rounds/new?kind=" + RoundKind.REVISIT.name() + "&township=" + locality.parentId()
                                + "&locality=" + locality.id() + "&keep=true"));
            }
        }
        Map<Long, String> roundLabels = new LinkedHashMap<>();
        List<RevisitRecords.Group> byRound = records.by(RevisitRecords.Level.ROUND, prefixes);
        for (RevisitRecords.Group g : byRound) {
            roundLabels.put(
                    g.id(),
                    rounds.find(new RoundId(g.id()), scope, caller)
                            .map(r -> r.termName() + r.label())
                            .orElse(g.name()));
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Map<Long, Long> petitionsReceived = petitions.receivedByLocality(scope);
        for (LocalityRecord record : rectifications.localities(scope)) {
            RevisitRecords.Group g = localityIndex.get(record.localityId());
            suggestions.add(new Suggestion(
                    record,
                    g == null ? null : g.satisfaction().index(),
                    g == null ? 0 : g.satisfaction().respondents(),
                    petitionsReceived.getOrDefault(record.localityId(), 0L)));
        }
        suggestions.sort(ranking(by));
        model.addAttribute("revisits", records.list(prefixes));
        model.addAttribute("byLocality", byLocality);
        model.addAttribute("byTownship", records.by(RevisitRecords.Level.TOWNSHIP, prefixes));
        model.addAttribute("byRound", byRound);
        model.addAttribute("roundLabels", roundLabels);
        model.addAttribute("threshold", threshold);
        model.addAttribute("proposals", proposals);
        model.addAttribute("suggestions", suggestions.stream().limit(20).toList());
        model.addAttribute("by", by);
        model.addAttribute("rankings", Ranking.values());
        return "revisits/list";
    }

    static Comparator<Suggestion> ranking(Ranking by) {
        Comparator<Suggestion> order = switch (by) {
            case FINDINGS ->
                Comparator.comparingInt((Suggestion s) -> s.record().problems()).reversed();
            case RETURNED ->
                Comparator.comparingInt((Suggestion s) -> s.record().returnedTasks())
                        .reversed();
            case PETITIONS ->
                Comparator.comparingLong((Suggestion s) -> s.petitions()).reversed();
            case SATISFACTION ->
                Comparator.comparing((Suggestion s) -> s.index() == null ? Double.MAX_VALUE : s.index());
        };
        return order.thenComparing(s -> s.record().localityPath());
    }

    @GetMapping("/revisits/new")
    @PreAuthorize(Access.RECORD)
    String newForm(RegionScope scope, Authentication caller, Model model) {
        return form(scope, caller, model, List.of());
    }

    @PostMapping("/revisits")
    @PreAuthorize(Access.RECORD)
    String create(
            @RequestParam(defaultValue = "") String place,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate visitedOn,
            @RequestParam(defaultValue = "") String visitors,
            @RequestParam(required = false) @Nullable RevisitMethod method,
            @RequestParam(defaultValue = "") String met,
            @RequestParam(required = false) @Nullable String residentsSaid,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale) {
        List<String> problems = new ArrayList<>();
        RoundLocality locality = null;
        long roundId = 0;
        String[] parts = place.split(":");
        if (parts.length == 2) {
            try {
                roundId = Long.parseLong(parts[0]);
                long localityId = Long.parseLong(parts[1]);
                locality = rounds.localities(new RoundId(roundId), scope, caller).stream()
                        .filter(l -> l.localityId() == localityId)
                        .findFirst()
                        .orElse(null);
            } catch (NumberFormatException e) {
                locality = null;
            }
        }
        if (locality == null) {
            problems.add(messages.getMessage("revisit.locality.required", null, locale));
        }
        if (visitedOn == null) {
            problems.add(messages.getMessage("revisit.date.required", null, locale));
        }
        if (visitors.isBlank()) {
            problems.add(messages.getMessage("revisit.visitors.required", null, locale));
        }
        if (method == null) {
            problems.add(messages.getMessage("revisit.method.required", null, locale));
        }
        if (met.isBlank()) {
            problems.add(messages.getMessage("revisit.met.required", null, locale));
        }
        if (!problems.isEmpty()) {
            return form(scope, caller, model, problems);
        }
        long id = work.record(
                roundId,
                locality.localityId(),
                locality.name(),
                locality.townshipId(),
                locality.townshipName(),
                locality.path(),
                visitedOn,
                visitors,
                method,
                met,
                residentsSaid,
                caller.getName());
        return "redirect:/revisits/" + id;
    }

    private String form(RegionScope scope, Authentication caller, Model model, List<String> errors) {
        Map<String, List<RoundLocality>> places = new LinkedHashMap<>();
        Map<String, Long> roundIds = new HashMap<>();
        for (RoundSummary round : rounds.visible(scope, caller, 0, 50).items()) {
            String label = round.termName() + round.label();
            places.put(label, rounds.localities(round.id(), scope, caller));
            roundIds.put(label, round.id().value());
        }
        model.addAttribute("places", places);
        model.addAttribute("roundIds", roundIds);
        model.addAttribute("methods", RevisitMethod.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("errors", errors);
        return "revisits/new";
    }

    @GetMapping("/revisits/{id}")
    @PreAuthorize(Access.VIEW)
    String revisit(@PathVariable long id, RegionScope scope, Model model) {
        Revisit revisit = load(id, scope);
        return page(revisit, model, List.of());
    }

    @PostMapping("/revisits/{id}/responses")
    @PreAuthorize(Access.RECORD)
    String respond(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            RegionScope scope,
            Authentication caller,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Revisit revisit = load(id, scope);
        Map<Long, SurveyAnswer> answers = answers(form);
        if (answers == null) {
            return page(revisit, model, List.of(messages.getMessage("survey.incomplete", null, locale)));
        }
        work.respond(revisit, answers, caller.getName());
        redirect.addFlashAttribute("recorded", 1);
        return "redirect:/revisits/" + id + "#survey";
    }

    @PostMapping("/revisits/{id}/paper")
    @PreAuthorize(Access.RECORD)
    String paper(
            @PathVariable long id,
            @RequestParam String lines,
            RegionScope scope,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Revisit revisit = load(id, scope);
        try {
            int count = work.respondOnPaper(revisit, lines, caller.getName());
            redirect.addFlashAttribute("recorded", count);
            return "redirect:/revisits/" + id + "#survey";
        } catch (RevisitWork.PaperRejected rejected) {
            model.addAttribute("paperLines", lines);
            return page(revisit, model, rejected.problems());
        }
    }

    @GetMapping(value = "/revisits/{id}/qr.svg", produces = "image/svg+xml")
    @PreAuthorize(Access.VIEW)
    ResponseEntity<byte[]> qr(@PathVariable long id, RegionScope scope) {
        Revisit revisit = load(id, scope);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(SurveyQrCode.svg(publicUrl(revisit)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/revisits/settings")
    @PreAuthorize(Access.OFFICE)
    String settings(Model model) {
        model.addAttribute("questions", records.questions(false));
        model.addAttribute("threshold", records.threshold());
        return "revisits/settings";
    }

    @PostMapping("/revisits/settings/questions")
    @PreAuthorize(Access.OFFICE)
    String addQuestion(@RequestParam String text) {
        if (!text.isBlank()) {
            records.addQuestion(text.strip());
            audit.record(AuditAction.CREATE, "SurveyQuestion", null, AuditOutcome.SUCCESS, text.strip());
        }
        return "redirect:/revisits/settings";
    }

    @PostMapping("/revisits/settings/questions/{id}")
    @PreAuthorize(Access.OFFICE)
    String toggleQuestion(@PathVariable long id, @RequestParam boolean active) {
        records.setQuestionActive(id, active);
        audit.record(AuditAction.UPDATE, "SurveyQuestion", id, AuditOutcome.SUCCESS, "active " + active);
        return "redirect:/revisits/settings";
    }

    @PostMapping("/revisits/settings/threshold")
    @PreAuthorize(Access.OFFICE)
    String threshold(@RequestParam int threshold, RedirectAttributes redirect, Locale locale) {
        if (threshold < 0 || threshold > 100) {
            redirect.addFlashAttribute("error", messages.getMessage("threshold.invalid", null, locale));
        } else {
            records.setThreshold(threshold);
            audit.record(AuditAction.UPDATE, "SatisfactionThreshold", 1, AuditOutcome.SUCCESS, "" + threshold);
        }
        return "redirect:/revisits/settings";
    }

    /** The answers of every active question from {@code q_<id>} fields, or null when one is missing. */
    @Nullable
    Map<Long, SurveyAnswer> answers(Map<String, String> form) {
        Map<Long, SurveyAnswer> answers = new LinkedHashMap<>();
        for (RevisitRecords.Question q : records.questions(true)) {
            String value = form.get("q_" + q.id());
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                answers.put(q.id(), SurveyAnswer.valueOf(value));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return answers;
    }

    private String page(Revisit revisit, Model model, List<String> errors) {
        model.addAttribute("revisit", revisit);
        model.addAttribute("satisfaction", records.ofRevisit(revisit.id()));
        model.addAttribute("questions", records.questions(true));
        model.addAttribute("answers", SurveyAnswer.values());
        model.addAttribute("publicUrl", publicUrl(revisit));
        model.addAttribute("errors", errors);
        return "revisits/revisit";
    }

    private static String publicUrl(Revisit revisit) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/survey/{token}")
                .buildAndExpand(revisit.surveyToken())
                .toUriString();
    }

    private Revisit load(long id, RegionScope scope) {
        return records.find(id, Revisits.prefixes(scope, regions))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
