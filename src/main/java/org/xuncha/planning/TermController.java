package org.xuncha.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionLevel;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.web.Paged;

/** The term dashboard (届期规划): coverage, pace, the 村居 not yet covered, the term's rounds; and opening a term. */
@Controller
class TermController {

    /** A new term of a district. */
    record TermForm(
            @NotNull Long district,
            @NotBlank @Size(max = 40) String name,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate startsOn,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate endsOn,

            @NotBlank @Size(max = 200) String goal) {}

    private final Terms terms;
    private final InspectionRounds rounds;
    private final TermPlanning planning;
    private final PlanningMessages messages;
    private final Regions regions;
    private final Clock clock;

    TermController(
            Terms terms,
            InspectionRounds rounds,
            TermPlanning planning,
            PlanningMessages messages,
            Regions regions,
            Clock clock) {
        this.terms = terms;
        this.rounds = rounds;
        this.planning = planning;
        this.messages = messages;
        this.regions = regions;
        this.clock = clock;
    }

    /** The term running today, else the list of terms. */
    @GetMapping("/terms")
    @PreAuthorize(Access.TERMS)
    String terms(RegionScope scope, Model model) {
        List<Term> all = terms.all(ScopePrefixes.of(scope, regions));
        LocalDate today = LocalDate.now(clock);
        List<Term> running = all.stream()
                .filter(t -> !today.isBefore(t.startsOn()) && !today.isAfter(t.endsOn()))
                .toList();
        if (running.size() == 1) {
            return "redirect:/terms/" + running.get(0).id();
        }
        model.addAttribute("terms", all);
        return "planning/terms";
    }

    @GetMapping("/terms/{id}")
    @PreAuthorize(Access.TERMS)
    String dashboard(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long township,
            @RequestParam(required = false) @Nullable RegionKind kind,
            @RequestParam(required = false) @Nullable Intensity intensity,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Model model) {
        ScopePrefixes prefixes = ScopePrefixes.of(scope, regions);
        Term term = terms.find(id, prefixes).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        TermPlanning.Standing standing = planning.standing(term, scope);
        TermPlanning.Filter filter = new TermPlanning.Filter(township, kind, intensity);
        model.addAttribute("term", term);
        model.addAttribute("filter", filter);
        model.addAttribute("uncovered", standing.uncovered(filter, Paged.pageNumber(page), Paged.DEFAULT_SIZE));
        if (hx != null) {
            return "planning/term :: uncovered";
        }
        model.addAttribute("progress", standing.progress());
        model.addAttribute(
                "townships",
                regions.townships(scope).stream()
                        .filter(t -> t.path().startsWith(term.districtPath()))
                        .toList());
        model.addAttribute("kinds", List.of(RegionKind.VILLAGE, RegionKind.COMMUNITY));
        model.addAttribute("intensities", Intensity.values());
        model.addAttribute(
                "rounds",
                rounds.page(new InspectionRounds.Filter(term.id(), null), prefixes, 0, 200)
                        .items());
        return "planning/term";
    }

    @GetMapping("/terms/new")
    @PreAuthorize(Access.PLAN)
    String newTerm(RegionScope scope, Model model) {
        List<RegionSummary> districts = districts(scope);
        LocalDate start = LocalDate.now(clock).withDayOfMonth(1);
        model.addAttribute(
                "form",
                new TermForm(
                        districts.isEmpty() ? null : districts.get(0).id(),
                        "",
                        start,
                        start.plusYears(5).minusDays(1),
                        Term.FULL_COVERAGE));
        model.addAttribute("districts", districts);
        return "planning/term-new";
    }

    @PostMapping("/terms")
    @PreAuthorize(Access.PLAN)
    String create(@Valid @ModelAttribute("form") TermForm form, BindingResult errors, RegionScope scope, Model model) {
        List<RegionSummary> districts = districts(scope);
        if (!errors.hasErrors()) {
            RegionSummary district = districts.stream()
                    .filter(d -> d.id() == form.district())
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            try {
                Term term = planning.open(district, form.name(), form.startsOn(), form.endsOn(), form.goal());
                return "redirect:/terms/" + term.id();
            } catch (RoundRuleViolation violation) {
                model.addAttribute("error", messages.of(violation));
            }
        }
        model.addAttribute("districts", districts);
        return "planning/term-new";
    }

    /** Districts a term can be opened for: those the scope is given on. */
    private List<RegionSummary> districts(RegionScope scope) {
        return regions.findAll(scope.regionIds()).stream()
                .filter(r -> r.level() == RegionLevel.DISTRICT)
                .toList();
    }
}
