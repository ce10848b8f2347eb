package org.xuncha.search;

import org.jspecify.annotations.Nullable;

/**
 * One record as the index keeps it (检索条目): its kind and id, the round and 村居 it belongs to (for a group member's
 * scope), the region path of its 村居 (for the region scope, e.g. {@code /1/2/35/}), who may find it, its title, the
 * text searched and shown as the snippet, and the link to open it. Put only what every caller who may find the entry
 * may read: no reporter identities, no lead content.
 */
public record SearchEntry(
        SearchKind kind,
        long recordId,
        @Nullable Long roundId,
        @Nullable Long localityId,
        String regionPath,
        Visibility visibility,
        String title,
        String text,
        String link) {

    public SearchEntry {
        if (regionPath.isBlank()) {
            throw new IllegalArgumentException("a search entry needs the region path of its 村居");
        }
        if (!link.startsWith("/")) {
            throw new IllegalArgumentException("a search entry links within the application: " + link);
        }
    }
}
