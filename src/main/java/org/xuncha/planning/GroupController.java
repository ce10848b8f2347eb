package org.xuncha.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * The groups of a planned round (巡察组): accept the suggested roster, replace a person, move a 村居, write the
 * responsibilities; and the history of a person of the pool, as the fragment the inspector page loads.
 */
@Controller
class GroupController {

    private final InspectionRounds rounds;
    private final InspectionGroups groups;
    private final Terms terms;
    private final GroupPlanning planning;
    private final PlanningMessages messages;
    private final InspectorPool pool;
    private final Regions regions;

    GroupController(
            InspectionRounds rounds,
            InspectionGroups groups,
            Terms terms,
            GroupPlanning planning,
            PlanningMessages messages,
            InspectorPool pool,
            Regions regions) {
        this.rounds = rounds;
        this.groups = groups;
        this.terms = terms;
        this.planning = planning;
        this.messages = messages;
        this.pool = pool;
        this.regions = regions;
    }

    @PostMapping("/rounds/{id}/groups")
    @PreAuthorize(Access.PLAN)
    String accept(
            @PathVariable long id,
            @RequestParam(defaultValue = "" + GroupPlanning.DEFAULT_PER_GROUP) int perGroup,
            RegionScope scope,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, scope);
        return apply(id, redirect, () -> planning.accept(round, terms.get(round.termId()), perGroup));
    }

    @PostMapping("/rounds/{id}/groups/{number}/replace")
    @PreAuthorize(Access.PLAN)
    String replace(
            @PathVariable long id,
            @PathVariable int number,
            @RequestParam long replaced,
            @RequestParam long replacement,
            RegionScope scope,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, scope);
        return apply(
                id,
                redirect,
                () -> planning.replace(
                        round,
                        terms.get(round.termId()),
                        number,
                        new InspectorId(replaced),
                        new InspectorId(replacement)));
    }

    @PostMapping("/rounds/{id}/groups/move")
    @PreAuthorize(Access.PLAN)
    String move(
            @PathVariable long id,
            @RequestParam long locality,
            @RequestParam int to,
            RegionScope scope,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, scope);
        return apply(id, redirect, () -> planning.move(round, locality, to));
    }

    @PostMapping("/rounds/{id}/groups/{number}/responsibilities")
    @PreAuthorize(Access.PLAN)
    String responsibilities(
            @PathVariable long id,
            @PathVariable int number,
            @RequestParam List<Long> inspector,
            @RequestParam List<String> responsibility,
            RegionScope scope,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, scope);
        if (inspector.size() != responsibility.size()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Map<InspectorId, String> written = new LinkedHashMap<>();
        for (int i = 0; i < inspector.size(); i++) {
            String text = responsibility.get(i);
            written.put(new InspectorId(inspector.get(i)), text.length() > 500 ? text.substring(0, 500) : text);
        }
        return apply(id, redirect, () -> planning.assignResponsibilities(round, number, written));
    }

    /** 任期履历: the rounds, groups, roles and 村居 a person of the pool served in, within the caller's scope. */
    @GetMapping("/planning/inspectors/{id}/history")
    @PreAuthorize("hasAnyRole('OFFICE_STAFF','OFFICE_DIRECTOR','GROUP_LEADER','LEADER')")
    String history(@PathVariable long id, RegionScope scope, Model model) {
        InspectorId inspector = new InspectorId(id);
        if (pool.candidate(inspector).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("services", groups.history(inspector, ScopePrefixes.of(scope, regions)));
        return "planning/partials/history :: history";
    }

    private String apply(long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (RoundRuleViolation violation) {
            redirect.addFlashAttribute("error", messages.of(violation));
        }
        return "redirect:/rounds/" + id + "#groups";
    }

    private InspectionRound load(long id, RegionScope scope) {
        return rounds.find(id, ScopePrefixes.of(scope, regions))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
