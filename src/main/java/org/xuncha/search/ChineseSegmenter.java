package org.xuncha.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese word segmentation (中文分词) with Lucene's SmartChineseAnalyzer (a hidden Markov model over a dictionary):
 * "村集体资金被挪用" becomes 村 / 集体 / 资金 / 被 / 挪用, latin words are lower-cased and punctuation dropped. The same
 * segmentation builds the stored {@code tsvector} and the query, so PostgreSQL matches words, not substrings. The
 * analyzer is thread-safe and loads its dictionaries once.
 */
final class ChineseSegmenter {

    /** PostgreSQL keeps word positions up to 16383. */
    private static final int MAX_POSITION = 16383;

    private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer();

    private ChineseSegmenter() {}

    /** The words of a text in order, letters and digits only. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (!word.isEmpty() && word.codePoints().allMatch(Character::isLetterOrDigit)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /**
     * The {@code tsvector} literal of a title and a text: every word with its positions, the title's words weighted A
     * so that a hit in the title ranks higher. Words carry no quotes or backslashes (letters and digits only).
     */
    static String tsvector(String title, String text) {
        return tsvector(title, text, "", w -> w);
    }

    /**
     * As {@link #tsvector(String, String)}, followed by the words of a confidential text as their blind index tokens
     * (letters and digits too): the index can match them, and holds none of the confidential words.
     */
    static String tsvector(String title, String text, String confidential, UnaryOperator<String> blind) {
        Map<String, List<String>> positions = new LinkedHashMap<>();
        int position = 0;
        for (String word : words(title)) {
            position = Math.min(position + 1, MAX_POSITION);
            positions.computeIfAbsent(word, w -> new ArrayList<>()).add(position + "A");
        }
        for (String word : words(text)) {
            position = Math.min(position + 1, MAX_POSITION);
            positions.computeIfAbsent(word, w -> new ArrayList<>()).add(Integer.toString(position));
        }
        for (String word : words(confidential)) {
            position = Math.min(position + 1, MAX_POSITION);
            positions.computeIfAbsent(blind.apply(word), w -> new ArrayList<>()).add(Integer.toString(position));
        }
        return positions.entrySet().stream()
                .map(e -> "'" + e.getKey() + "':" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /**
     * The terms a query requires, each a word or a phrase of words: its words of two or more characters; runs of single
     * characters the analyzer could not place in its dictionary (低 / 保 / 户 for 低保户) as a phrase of adjacent words;
     * a lone single character (村, 被, 的) only when the query has nothing else, since it mostly connects the words that
     * carry the meaning — "村集体资金被挪用" requires 集体, 资金 and 挪用 and so finds "挪用集体资金".
     */
    static List<List<String>> requiredTerms(String query) {
        List<List<String>> terms = new ArrayList<>();
        List<String> singles = new ArrayList<>();
        List<String> lone = new ArrayList<>();
        for (String word : words(query)) {
            if (word.codePointCount(0, word.length()) == 1) {
                singles.add(word);
                continue;
            }
            flush(singles, terms, lone);
            terms.add(List.of(word));
        }
        flush(singles, terms, lone);
        if (terms.isEmpty()) {
            lone.forEach(w -> terms.add(List.of(w)));
        }
        return terms.stream().distinct().toList();
    }

    private static void flush(List<String> singles, List<List<String>> terms, List<String> lone) {
        if (singles.size() > 1) {
            terms.add(List.copyOf(singles));
        } else if (singles.size() == 1) {
            lone.add(singles.get(0));
        }
        singles.clear();
    }

    /** The texts to mark for the terms: each word, each phrase joined. */
    static Set<String> marks(List<List<String>> terms) {
        return terms.stream().map(t -> String.join("", t)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A {@code tsquery} literal requiring every term; a phrase's words must follow each other ({@code <->}). */
    static String tsquery(List<List<String>> terms) {
        return terms.stream().map(t -> term(t, w -> w)).collect(Collectors.joining(" & "));
    }

    /** As {@link #tsquery(List)}, each term matched in the clear words or in the blind tokens of confidential ones. */
    static String tsquery(List<List<String>> terms, UnaryOperator<String> blind) {
        return terms.stream()
                .map(t -> "(" + term(t, w -> w) + " | " + term(t, blind) + ")")
                .collect(Collectors.joining(" & "));
    }

    private static String term(List<String> words, UnaryOperator<String> form) {
        return words.size() == 1
                ? "'" + form.apply(words.get(0)) + "'"
                : "(" + words.stream().map(w -> "'" + form.apply(w) + "'").collect(Collectors.joining(" <-> ")) + ")";
    }

    /** All words of a query, for ranking and marking. */
    static Set<String> allWords(String query) {
        return new LinkedHashSet<>(words(query));
    }

    /** A {@code tsquery} literal joining the words with the operator ({@code &} or {@code |}). */
    static String tsquery(Set<String> words, String operator) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(" " + operator + " "));
    }
}
