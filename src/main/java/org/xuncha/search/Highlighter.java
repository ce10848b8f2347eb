package org.xuncha.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Marks a query's words in a text (高亮) and cuts the snippet around the first of them. Works on plain text: the
 * segments are rendered as escaped text, so markup typed into a record stays text.
 */
final class Highlighter {

    static final int SNIPPET_LENGTH = 120;
    private static final int LEAD = 30;

    private Highlighter() {}

    /** The whole text as segments, each occurrence of a word marked (the longest word first where they overlap). */
    static List<SearchHit.Segment> mark(String text, Set<String> words) {
        List<String> byLength = words.stream()
                .filter(w -> !w.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        String lower = text.toLowerCase(Locale.ROOT);
        List<SearchHit.Segment> segments = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String found = null;
            for (String word : byLength) {
                if (lower.startsWith(word, i)) {
                    found = word;
                    break;
                }
            }
            if (found == null) {
                plain.append(text.charAt(i));
                i++;
            } else {
                String hit = text.substring(i, i + found.length());
                if (plain.length() > 0) {
                    segments.add(new SearchHit.Segment(plain.toString(), false));
                    plain.setLength(0);
                } else if (!segments.isEmpty()
                        && segments.get(segments.size() - 1).hit()) {
                    // adjacent words make one mark
                    hit = segments.remove(segments.size() - 1).text() + hit;
                }
                segments.add(new SearchHit.Segment(hit, true));
                i += found.length();
            }
        }
        if (plain.length() > 0) {
            segments.add(new SearchHit.Segment(plain.toString(), false));
        }
        return segments;
    }

    /** About {@value #SNIPPET_LENGTH} characters of the text from a little before its first marked word. */
    static List<SearchHit.Segment> snippet(String text, Set<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        int first = words.stream()
                .mapToInt(w -> lower.indexOf(w))
                .filter(p -> p >= 0)
                .min()
                .orElse(0);
        int start = Math.max(0, first - LEAD);
        int end = Math.min(text.length(), start + SNIPPET_LENGTH);
        if (end - start < SNIPPET_LENGTH) {
            start = Math.max(0, end - SNIPPET_LENGTH);
        }
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        List<SearchHit.Segment> segments = new ArrayList<>();
        if (start > 0) {
            segments.add(new SearchHit.Segment("…", false));
        }
        segments.addAll(mark(text.substring(start, end), words));
        if (end < text.length()) {
            segments.add(new SearchHit.Segment("…", false));
        }
        return segments;
    }
}
