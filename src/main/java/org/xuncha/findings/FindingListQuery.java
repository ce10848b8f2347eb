package org.xuncha.findings;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The findings list's filters as the address carries them (all optional): {@code round} (a round's id, or {@code
 * all} for every round of the caller's scope; none: the first round the caller may see), {@code locality} (村居),
 * {@code category}, {@code state}, {@code fixed} (立行立改), {@code page} (from 0) and {@code size} (10 to 200, 50 by
 * default). Builds the page and export links with the same filters. Public, with the methods the page calls, because
 * the template's expressions reach it by reflection.
 */
public record FindingListQuery(
        @Nullable String round,
        @Nullable Long locality,
        @Nullable Long category,
        @Nullable FindingState state,
        @Nullable Boolean fixed,
        @Nullable Integer page,
        @Nullable Integer size) {

    static final String ALL_ROUNDS = "all";
    static final int DEFAULT_SIZE = 50;
    static final int MIN_SIZE = 10;
    static final int MAX_SIZE = 200;

    public boolean allRounds() {
        return ALL_ROUNDS.equals(round);
    }

    /** The chosen round's id, null when none (or all) was chosen; an id that is no number is not found. */
    @Nullable
    Long roundId() {
        if (round == null || round.isBlank() || allRounds()) {
            return null;
        }
        try {
            return Long.parseLong(round.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    public int pageNumber() {
        return page == null ? 0 : Math.max(0, page);
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }

    /** The filters without the 村居 (the controller checks it against the round's visible 村居 first). */
    FindingList.Filter filter(@Nullable Long localityId) {
        return new FindingList.Filter(localityId, category, state, fixed);
    }

    /** The same query on another page, for the pager; the round as resolved (so page 2 stays on the same round). */
    String pageUrl(@Nullable Long resolvedRound, int pageNumber) {
        return filters("/findings", resolvedRound)
                .queryParam("page", pageNumber)
                .queryParam("size", pageSize())
                .build()
                .toUriString();
    }

    /** The export of the same filtered list (every page). */
    String exportUrl(@Nullable Long resolvedRound) {
        return filters("/findings/list.xlsx", resolvedRound).build().toUriString();
    }

    /** The filters as a query string, for the audit log. */
    String describe(@Nullable Long resolvedRound) {
        String query = filters("", resolvedRound).build().getQuery();
        return query == null ? "" : query;
    }

    private UriComponentsBuilder filters(String path, @Nullable Long resolvedRound) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        if (allRounds()) {
            builder.queryParam("round", ALL_ROUNDS);
        } else if (resolvedRound != null) {
            builder.queryParam("round", resolvedRound);
        }
        if (locality != null) {
            builder.queryParam("locality", locality);
        }
        if (category != null) {
            builder.queryParam("category", category);
        }
        if (state != null) {
            builder.queryParam("state", state.name());
        }
        if (fixed != null) {
            builder.queryParam("fixed", fixed);
        }
        return builder;
    }
}
