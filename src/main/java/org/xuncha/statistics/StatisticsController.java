package org.xuncha.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.organization.RegionScope;
import org.xuncha.web.Paged;

/** The scorecard page (成绩单), the drill-down list behind each figure and its .xlsx export. */
@Controller
class StatisticsController {

    /** A block of the scorecard page: its heading and its figures. */
    public record Section(String key, List<Figure> figures) {}

    static final List<Section> SECTIONS = List.of(
            new Section(
                    "section.rounds", List.of(Figure.ROUNDS, Figure.LOCALITIES_INSPECTED, Figure.LOCALITIES_TARGET)),
            new Section(
                    "section.findings",
                    List.of(
                            Figure.FINDINGS,
                            Figure.FIXED_ON_THE_SPOT,
                            Figure.LEADS_TRANSFERRED,
                            Figure.LEADS_RECEIVED,
                            Figure.LEADS_CONCLUDED)),
            new Section(
                    "section.masses",
                    List.of(
                            Figure.TALKS,
                            Figure.TALK_PERSON_TIMES,
                            Figure.HOUSEHOLDS_VISITED,
                            Figure.SPECIAL_VISITED,
                            Figure.NOTICES_POSTED,
                            Figure.PETITIONS_RECEIVED,
                            Figure.PETITIONS_TRIAGED)),
            new Section(
                    "section.rectification",
                    List.of(
                            Figure.TASKS,
                            Figure.TASKS_OPEN,
                            Figure.TASKS_OVERDUE,
                            Figure.TASKS_CLOSED_OUT,
                            Figure.TASKS_CLOSED_ON_TIME)),
            new Section("section.revisits", List.of(Figure.REVISITS, Figure.SURVEY_ANSWERS)));

    private final Scorecard scorecard;
    private final Selections selections;
    private final MessageSource messages;
    private final AnnualSummary summary;
    private final ContractCheck check;
    private final org.xuncha.audit.AuditLog audit;

    StatisticsController(
            Scorecard scorecard,
            Selections selections,
            MessageSource messages,
            AnnualSummary summary,
            ContractCheck check,
            org.xuncha.audit.AuditLog audit) {
        this.audit = audit;
        this.summary = summary;
        this.check = check;
        this.scorecard = scorecard;
        this.selections = selections;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    @PreAuthorize(Access.SCORECARD)
    String scorecard(
            @RequestParam(required = false) @Nullable Long region,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            RegionScope scope,
            Model model) {
        Selections.Choice choice = choice(region, year, term, round, from, to, null);
        Selection selection = selections.of(scope, choice);
        model.addAttribute("choice", choice);
        model.addAttribute("selection", selection);
        Scorecard.Figures figures = scorecard.figures(selection);
        model.addAttribute("figures", figures);
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("definitions", List.of(Figure.values()));
        model.addAttribute("v", values(figures));
        model.addAttribute("categories", figures.breakdown(Figure.FINDINGS));
        model.addAttribute("dispositions", figures.breakdown(Figure.LEADS_TRANSFERRED));
        model.addAttribute("channels", figures.breakdown(Figure.PETITIONS_RECEIVED));
        model.addAttribute("answers", figures.breakdown(Figure.SURVEY_ANSWERS));
        model.addAttribute("filters", filters(choice));
        model.addAttribute("terms", scorecard.terms(selection));
        model.addAttribute("rounds", scorecard.rounds(selection));
        model.addAttribute("townships", selections.narrowing(scope));
        model.addAttribute("years", years());
        return "statistics/scorecard";
    }

    @GetMapping("/statistics/records")
    @PreAuthorize(Access.SCORECARD)
    String records(
            @RequestParam Figure figure,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long region,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            RegionScope scope,
            Model model) {
        Selections.Choice choice = choice(region, year, term, round, from, to, keyOf(figure, key));
        Selection selection = selections.of(scope, choice);
        Scorecard.Listing listing = scorecard.list(figure, selection, Paged.pageNumber(page), Paged.DEFAULT_SIZE);
        model.addAttribute("figure", figure);
        model.addAttribute("key", choice.key());
        model.addAttribute("selection", selection);
        model.addAttribute("listing", listing);
        model.addAttribute(
                "rows", listing.page().items().stream().map(this::display).toList());
        model.addAttribute("headers", headers(figure));
        model.addAttribute("filters", filters(choice));
        model.addAttribute(
                "exportQuery",
                "figure=" + figure + (choice.key() == null ? "" : "&key=" + encode(choice.key()))
                        + (filters(choice).isEmpty() ? "" : "&" + filters(choice)));
        return "statistics/records";
    }

    @GetMapping("/statistics/records.xlsx")
    @PreAuthorize(Access.SCORECARD)
    void export(
            @RequestParam Figure figure,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long region,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            RegionScope scope,
            HttpServletResponse response)
            throws IOException {
        Selections.Choice choice = choice(region, year, term, round, from, to, keyOf(figure, key));
        Selection selection = selections.of(scope, choice);
        String name = message("figure." + figure);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"statistics.xlsx\"; filename*=UTF-8''" + encode(name + ".xlsx"));
        audit.record(
                org.xuncha.audit.AuditAction.EXPORT,
                "StatisticsList",
                null,
                org.xuncha.audit.AuditOutcome.SUCCESS,
                figure + (choice.key() == null ? "" : ":" + choice.key()) + " " + filters(choice));
        scorecard.export(figure, selection, headers(figure), name, this::displayValue, response.getOutputStream());
    }

    @GetMapping("/statistics/summary.docx")
    @PreAuthorize(Access.DASHBOARD)
    org.springframework.http.ResponseEntity<byte[]> summary(
            @RequestParam(required = false) @Nullable Long region,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Long term,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            RegionScope scope) {
        Selections.Choice choice = choice(region, year, term, round, from, to, null);
        Selection selection = selections.of(scope, choice);
        String scopeName = selections.scopeName(scope, choice);
        boolean wholeYear = selection.round() < 0
                && selection.from().getDayOfYear() == 1
                && selection.to().equals(selection.from().withMonth(12).withDayOfMonth(31));
        String periodName = wholeYear
                ? selection.from().getYear() + "年度"
                : org.xuncha.documents.OfficialDocument.dateText(selection.from()) + "至"
                        + org.xuncha.documents.OfficialDocument.dateText(selection.to());
        String opening = wholeYear ? "全年" : periodName;
        byte[] docx = summary.write(scorecard.figures(selection), selection, scopeName, periodName, opening);
        String name = scopeName + periodName + "巡察村居工作总结.docx";
        audit.record(
                org.xuncha.audit.AuditAction.EXPORT,
                "AnnualSummary",
                null,
                org.xuncha.audit.AuditOutcome.SUCCESS,
                filters(choice));
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"summary.docx\"; filename*=UTF-8''" + encode(name))
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(docx);
    }

    @GetMapping("/statistics/check")
    @PreAuthorize(Access.CHECK)
    String check(RegionScope scope, org.springframework.security.core.Authentication caller, Model model) {
        List<ContractCheck.Line> lines = check.run(selections.of(scope), scope, caller);
        model.addAttribute("lines", lines);
        model.addAttribute("differences", lines.stream().filter(l -> !l.equal()).count());
        return "statistics/check";
    }

    static java.util.Map<String, Long> values(Scorecard.Figures figures) {
        java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
        figures.values().forEach((f, n) -> values.put(f.name(), n));
        return values;
    }

    static Selections.Choice choice(
            @Nullable Long region,
            @Nullable Integer year,
            @Nullable Long term,
            @Nullable Long round,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String key) {
        return new Selections.Choice(region, year, term, round, from, to, key);
    }

    private static @Nullable String keyOf(Figure figure, @Nullable String key) {
        return figure.breakdown() == null || key == null || key.isBlank() ? null : key;
    }

    /** The chosen region and period as a query string, for the drill-down links. */
    static String filters(Selections.Choice choice) {
        List<String> parts = new ArrayList<>();
        if (choice.region() != null) {
            parts.add("region=" + choice.region());
        }
        if (choice.year() != null) {
            parts.add("year=" + choice.year());
        }
        if (choice.term() != null) {
            parts.add("term=" + choice.term());
        }
        if (choice.round() != null) {
            parts.add("round=" + choice.round());
        }
        if (choice.from() != null) {
            parts.add("from=" + choice.from());
        }
        if (choice.to() != null) {
            parts.add("to=" + choice.to());
        }
        return String.join("&", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<String> headers(Figure figure) {
        return figure.source().columns().stream().map(c -> message(c.header())).toList();
    }

    private List<String> display(List<@Nullable Object> row) {
        return row.stream().map(v -> String.valueOf(displayValue(v))).toList();
    }

    /** A cell as shown: codes in words, yes/no for flags, dates as ISO text. */
    @Nullable
    Object displayValue(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean flag) {
            return message(flag ? "code.true" : "code.false");
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof String text && text.matches("[A-Z_]+")) {
            return messages.getMessage("code." + text, null, text, locale());
        }
        return value;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private List<Integer> years() {
        int now = selections.today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= now - 5; y--) {
            years.add(y);
        }
        return years;
    }
}
