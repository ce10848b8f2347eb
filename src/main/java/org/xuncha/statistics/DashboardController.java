package org.xuncha.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xuncha.organization.RegionLevel;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/** The leaders' dashboard (领导驾驶舱): the page (charts drawn by static/js/dashboard.js) and its JSON data. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final Selections selections;
    private final Scorecard scorecard;
    private final Regions regions;

    DashboardController(Dashboard dashboard, Selections selections, Scorecard scorecard, Regions regions) {
        this.dashboard = dashboard;
        this.selections = selections;
        this.scorecard = scorecard;
        this.regions = regions;
    }

    @GetMapping("/dashboard")
    @PreAuthorize(Access.DASHBOARD)
    String page(
            @RequestParam(required = false) @Nullable Long region,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            RegionScope scope,
            Model model) {
        Selections.Choice choice = StatisticsController.choice(region, year, term, round, from, to, null);
        Selection selection = selections.of(scope, choice);
        String filters = StatisticsController.filters(choice);
        model.addAttribute("selection", selection);
        model.addAttribute("choice", choice);
        model.addAttribute("filters", filters);
        model.addAttribute("byDistrict", wide(scope, choice));
        model.addAttribute("terms", scorecard.terms(selection));
        model.addAttribute("rounds", scorecard.rounds(selection));
        model.addAttribute("townships", selections.narrowing(scope));
        return "statistics/dashboard";
    }

    @GetMapping("/dashboard/data")
    @PreAuthorize(Access.DASHBOARD)
    @ResponseBody
    Map<String, List<Dashboard.Point>> data(
            @RequestParam(required = false) @Nullable Long region,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            RegionScope scope) {
        Selections.Choice choice = StatisticsController.choice(region, year, term, round, from, to, null);
        return dashboard.charts(selections.of(scope, choice), wide(scope, choice));
    }

    /** Whether the chosen scope is wider than one district (coverage is then charted by district). */
    private boolean wide(RegionScope scope, Selections.Choice choice) {
        List<Long> roots = choice.region() == null ? scope.regionIds() : List.of(choice.region());
        return regions.findAll(roots).stream()
                                .filter(r -> r.level() == RegionLevel.PROVINCE || r.level() == RegionLevel.CITY)
                                .count()
                        > 0
                || regions.findAll(roots).stream()
                                .filter(r -> r.level() == RegionLevel.DISTRICT)
                                .count()
                        > 1;
    }
}
