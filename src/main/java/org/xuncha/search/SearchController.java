package org.xuncha.search;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.organization.RegionScope;
import org.xuncha.web.Paged;

/** The search page (全文检索): a few Chinese words, optionally one kind; hits within the caller's scope, marked. */
@Controller
class SearchController {

    static final int MAX_QUERY = 100;

    private final SearchIndex index;
    private final SearchScopes scopes;

    SearchController(SearchIndex index, SearchScopes scopes) {
        this.index = index;
        this.scopes = scopes;
    }

    @GetMapping("/search")
    @PreAuthorize(Access.SEARCH)
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable SearchKind kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Authentication caller,
            Model model) {
        String query = q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        model.addAttribute("q", query);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", SearchKind.values());
        model.addAttribute("searched", !query.isEmpty());
        model.addAttribute(
                "results",
                query.isEmpty()
                        ? new Paged<SearchHit>(List.of(), 0, Paged.DEFAULT_SIZE, 0)
                        : index.search(
                                query,
                                scopes.of(scope, caller),
                                kind == null ? List.of() : List.of(kind),
                                page,
                                Paged.DEFAULT_SIZE));
        return hx != null ? "search/search :: results" : "search/search";
    }
}
