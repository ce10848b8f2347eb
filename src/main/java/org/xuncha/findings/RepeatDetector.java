package org.xuncha.findings;

import java.util.HashSet;
import java.util.Set;

/**
 * Repeat detection (重复问题与共性问题): a finding resembles another in the same 村居 when they share the category and
 * their descriptions are similar (character-bigram Jaccard, which suits Chinese without a word segmenter); the same
 * category in at least {@code commonThreshold} 村居 of a township in one round — or in every 村居 the round takes there,
 * when it takes fewer (but at least two) — is a common problem (共性问题).
 */
final class RepeatDetector {

    /** Descriptions at least this similar count as the same problem recurring. */
    static final double RECURRENCE_SIMILARITY = 0.25;

    /** 村居 of one township with the same category that make a common problem. */
    static final int COMMON_LOCALITIES = 3;

    private RepeatDetector() {}

    /** Jaccard similarity of the character bigrams of two texts, ignoring whitespace and punctuation. */
    static double similarity(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return (double) both.size() / either.size();
    }

    static boolean recurrence(String description, String other) {
        return similarity(description, other) >= RECURRENCE_SIMILARITY;
    }

    /**
     * Whether {@code localitiesWithCategory} 村居 (the new finding's included) of a township whose round takes
     * {@code localitiesInRound} 村居 make a common problem.
     */
    static boolean common(int localitiesWithCategory, int localitiesInRound) {
        int needed = Math.max(2, Math.min(COMMON_LOCALITIES, localitiesInRound));
        return localitiesWithCategory >= needed;
    }

    static Set<String> bigrams(String text) {
        int[] cps = text.codePoints().filter(Character::isLetterOrDigit).toArray();
        Set<String> grams = new HashSet<>();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }
}
