package org.xuncha.search;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may find (检索范围): entries whose region path starts with one of {@code regionPrefixes} (a region's
 * path followed by {@code %}), of the {@code visibilities} they hold and, for someone who is only a member of inspection
 * groups, of the round 村居 their groups take ({@code roundLocalities}, each {@code "round:locality"}; null for
 * callers not limited to groups). The empty scope finds nothing.
 */
public record SearchScope(
        List<String> regionPrefixes,
        Set<Visibility> visibilities,
        @Nullable Set<String> roundLocalities) {

    public SearchScope {
        regionPrefixes = List.copyOf(regionPrefixes);
        visibilities = Set.copyOf(visibilities);
        roundLocalities = roundLocalities == null ? null : Set.copyOf(roundLocalities);
    }

    public static SearchScope none() {
        return new SearchScope(List.of(), Set.of(), Set.of());
    }

    /** Everything in the regions with the given visibilities, not limited to groups. */
    public static SearchScope regions(List<String> regionPrefixes, Set<Visibility> visibilities) {
        return new SearchScope(regionPrefixes, visibilities, null);
    }

    /** The same, limited to the given round 村居. */
    public SearchScope limitedTo(Set<String> roundLocalities) {
        return new SearchScope(regionPrefixes, visibilities, roundLocalities);
    }

    /** The key of a round's 村居 in {@link #roundLocalities()}. */
    public static String roundLocality(long roundId, long localityId) {
        return roundId + ":" + localityId;
    }

    public boolean isEmpty() {
        return regionPrefixes.isEmpty()
                || visibilities.isEmpty()
                || (roundLocalities != null && roundLocalities.isEmpty());
    }
}
