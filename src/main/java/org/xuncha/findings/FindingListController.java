package org.xuncha.findings;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.audit.AuditAction;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.web.Paged;

/**
 * The findings list (问题清单), paged and filtered on the server, and its streamed .xlsx export with the same filters.
 * Scope as everywhere in findings: of a round only the 村居 planning lets the caller see ({@link
 * GroupAccess#localities}); a round or 村居 outside it answers 404; "all rounds" is the region scope's subtrees, or a
 * group member's own 村居 in each round they serve.
 */
@Controller
class FindingListController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rounds offered in the round choice (most recent first); any other visible round can still be asked for. */
    private static final int ROUND_CHOICES = 100;

    /** What the caller asked for, checked against their scope: the round (null for all rounds) and the SQL scope. */
    private record Listing(
            @Nullable RoundSummary round,
            List<RoundLocality> localities,
            FindingList.Scope scope,
            FindingList.Filter filter) {

        @Nullable
        Long roundId() {
            return round == null ? null : round.id().value();
        }
    }

    private final FindingList list;
    private final Categories categories;
    private final GroupAccess access;
    private final Rounds rounds;
    private final FindingsAudit audit;
    private final MessageSource messages;

    FindingListController(
            FindingList list,
            Categories categories,
            GroupAccess access,
            Rounds rounds,
            FindingsAudit audit,
            MessageSource messages) {
        this.list = list;
        this.categories = categories;
        this.access = access;
        this.rounds = rounds;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/findings")
    @PreAuthorize(Access.FINDINGS)
    String list(
            @ModelAttribute("query") FindingListQuery query,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        List<RoundSummary> visible = new ArrayList<>(
                rounds.visible(scope, authentication, 0, ROUND_CHOICES).items());
        model.addAttribute("rounds", visible);
        model.addAttribute("states", FindingState.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("allRounds", query.allRounds());
        Listing listing = listing(query, visible, scope, authentication);
        if (listing == null) {
            model.addAttribute("round", null);
            return "findings/list";
        }
        if (listing.round() != null
                && visible.stream().noneMatch(r -> r.id().equals(listing.round().id()))) {
            visible.add(listing.round());
        }
        FindingList.Counts counts = list.counts(listing.scope(), listing.filter());
        Paged<FindingList.Row> shape = new Paged<>(List.of(), query.pageNumber(), query.pageSize(), counts.total());
        int page = Math.min(query.pageNumber(), shape.totalPages() - 1);
        Paged<FindingList.Row> results = new Paged<>(
                list.page(listing.scope(), listing.filter(), page, query.pageSize()),
                page,
                query.pageSize(),
                counts.total());
        model.addAttribute("round", listing.round());
        model.addAttribute("localities", listing.localities());
        model.addAttribute("results", results);
        model.addAttribute("found", counts.total());
        model.addAttribute("fixed", counts.fixedOnTheSpot());
        model.addAttribute("approved", counts.approved());
        model.addAttribute(
                "roundLabels",
                listing.round() == null ? roundLabels(results.items(), visible, scope, authentication) : Map.of());
        model.addAttribute("firstUrl", query.pageUrl(listing.roundId(), 0));
        model.addAttribute("previousUrl", query.pageUrl(listing.roundId(), page - 1));
        model.addAttribute("nextUrl", query.pageUrl(listing.roundId(), page + 1));
        model.addAttribute("exportUrl", query.exportUrl(listing.roundId()));
        model.addAttribute(
                "mayRecord",
                listing.round() != null
                        && access.caller(authentication).roles().stream().anyMatch(r -> r.startsWith("GROUP_")));
        return "findings/list";
    }

    @GetMapping("/findings/list.xlsx")
    @PreAuthorize(Access.FINDINGS)
    void export(
            @ModelAttribute("query") FindingListQuery query,
            RegionScope scope,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        Listing listing =
                listing(query, rounds.visible(scope, authentication, 0, 1).items(), scope, authentication);
        Locale locale = LocaleContextHolder.getLocale();
        String name = message("findings.title", locale) + "-"
                + (listing == null || listing.round() == null
                        ? message("findings.allRounds", locale)
                        : label(listing.round()))
                + ".xlsx";
        Map<Long, String> labels = listing == null || listing.round() == null
                ? allRoundLabels(scope, authentication)
                : Map.of(listing.round().id().value(), label(listing.round()));
        FindingList.Scope sqlScope = listing == null ? new FindingList.Scope.OfGroups(List.of()) : listing.scope();
        FindingList.Filter filter = listing == null ? query.filter(null) : listing.filter();
        audit.record(
                AuditAction.EXPORT,
                "FindingList",
                "xlsx",
                query.describe(listing == null ? null : listing.roundId()) + ", no confidential column");
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        list.export(
                sqlScope,
                filter,
                message("findings.title", locale),
                headers(locale),
                cells(labels, locale),
                response.getOutputStream());
    }

    /** The caller's listing, or null when they may see no round at all. */
    @Nullable
    private Listing listing(
            FindingListQuery query, List<RoundSummary> visible, RegionScope scope, Authentication authentication) {
        if (query.allRounds()) {
            FindingList.Scope all = access.groupOnly(authentication)
                    ? new FindingList.Scope.OfGroups(ownPairs(scope, authentication))
                    : new FindingList.Scope.OfRegions(access.prefixes(scope));
            return new Listing(null, List.of(), all, query.filter(query.locality()));
        }
        Long roundId = query.roundId();
        RoundSummary round = roundId == null
                ? (visible.isEmpty() ? null : visible.get(0))
                : rounds.find(new RoundId(roundId), scope, authentication)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (round == null) {
            return null;
        }
        List<RoundLocality> localities = access.localities(round.id(), scope, authentication);
        List<Long> ids = localities.stream().map(RoundLocality::localityId).toList();
        if (query.locality() != null) {
            if (!ids.contains(query.locality())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            ids = List.of(query.locality());
        }
        return new Listing(
                round, localities, new FindingList.Scope.OfRound(round.id().value(), ids), query.filter(null));
    }

    /** A group member's own 村居 in every round they may see. */
    private List<FindingList.Scope.Pair> ownPairs(RegionScope scope, Authentication authentication) {
        List<FindingList.Scope.Pair> pairs = new ArrayList<>();
        for (RoundSummary round : allVisible(scope, authentication)) {
            access.localities(round.id(), scope, authentication)
                    .forEach(
                            l -> pairs.add(new FindingList.Scope.Pair(round.id().value(), l.localityId())));
        }
        return pairs;
    }

    private List<RoundSummary> allVisible(RegionScope scope, Authentication authentication) {
        List<RoundSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Paged<RoundSummary> batch = rounds.visible(scope, authentication, page, 200);
            all.addAll(batch.items());
            if (!batch.hasNext() || batch.items().isEmpty()) {
                return all;
            }
        }
    }

    private Map<Long, String> allRoundLabels(RegionScope scope, Authentication authentication) {
        Map<Long, String> labels = new HashMap<>();
        allVisible(scope, authentication).forEach(r -> labels.put(r.id().value(), label(r)));
        return labels;
    }

    /** Labels of the rounds on one page of the all-rounds list. */
    private Map<Long, String> roundLabels(
            List<FindingList.Row> rows, List<RoundSummary> visible, RegionScope scope, Authentication authentication) {
        Map<Long, String> labels = new HashMap<>();
        visible.forEach(r -> labels.put(r.id().value(), label(r)));
        for (FindingList.Row row : rows) {
            labels.computeIfAbsent(
                    row.roundId(),
                    id -> rounds.find(new RoundId(id), scope, authentication)
                            .map(FindingListController::label)
                            .orElse(String.valueOf(id)));
        }
        return labels;
    }

    static String label(RoundSummary round) {
        return round.termName() + " " + round.label();
    }

    private List<String> headers(Locale locale) {
        return List.of(
                        "id",
                        "round",
                        "township",
                        "locality",
                        "category",
                        "severity",
                        "state",
                        "fixed",
                        "source",
                        "recorded",
                        "description")
                .stream()
                .map(column -> message("findings.column." + column, locale))
                .toList();
    }

    /** A row's cells in header order, enum labels resolved once in the caller's language. */
    private java.util.function.Function<FindingList.Row, List<@Nullable Object>> cells(
            Map<Long, String> roundLabels, Locale locale) {
        Map<Severity, String> severities = labels(Severity.class, "severity.", locale);
        Map<FindingState, String> states = labels(FindingState.class, "findingState.", locale);
        Map<SourceKind, String> sources = labels(SourceKind.class, "sourceKind.", locale);
        String yes = message("yes", locale);
        String no = message("no", locale);
        return row -> {
            List<@Nullable Object> cells = new ArrayList<>(11);
            cells.add(row.id());
            cells.add(roundLabels.getOrDefault(row.roundId(), String.valueOf(row.roundId())));
            cells.add(row.townshipName());
            cells.add(row.localityName());
            cells.add(row.category());
            cells.add(severities.get(row.severity()));
            cells.add(states.get(row.state()));
            cells.add(row.fixedOnTheSpot() ? yes : no);
            cells.add(sources.get(row.sourceKind()));
            cells.add(row.recordedOn().toString());
            cells.add(row.description());
            return cells;
        };
    }

    private <E extends Enum<E>> Map<E, String> labels(Class<E> type, String prefix, Locale locale) {
        Map<E, String> labels = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            labels.put(value, message(prefix + value.name(), locale));
        }
        return labels;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
