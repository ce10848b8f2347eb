package org.xuncha.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One hit of a search (检索结果): the entry's kind, id, round, 村居 and link, its title and a snippet of its text, both
 * as segments with the query's words marked ({@link Segment#hit()}); render each segment as text (escaped), a hit
 * inside {@code <mark>}.
 */
public record SearchHit(
        SearchKind kind,
        long recordId,
        @Nullable Long roundId,
        @Nullable Long localityId,
        String link,
        List<Segment> title,
        List<Segment> snippet,
        double rank,
        Instant updatedAt) {

    /** A run of text, marked when it is one of the query's words. */
    public record Segment(String text, boolean hit) {}

    public SearchHit {
        title = List.copyOf(title);
        snippet = List.copyOf(snippet);
    }

    /** The title as plain text. */
    public String titleText() {
        StringBuilder text = new StringBuilder();
        title.forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
