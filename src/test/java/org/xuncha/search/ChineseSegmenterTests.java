package org.xuncha.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Segmentation, query words and marking without Spring. */
class ChineseSegmenterTests {

    @Test
    void segmentsIntoWordsNotCharacters() {
        assertThat(ChineseSegmenter.words("挪用集体资金")).containsExactly("挪用", "集体", "资金");
    }

    @Test
    void aQueryRequiresItsMeaningfulWordsWhichAReorderedTextHolds() {
        List<List<String>> required = ChineseSegmenter.requiredTerms("村集体资金被挪用");
        assertThat(required).containsExactly(List.of("集体"), List.of("资金"), List.of("挪用"));
        assertThat(ChineseSegmenter.tsquery(required)).isEqualTo("'集体' & '资金' & '挪用'");
        assertThat(ChineseSegmenter.words("村干部挪用集体资金三万元")).contains("集体", "资金", "挪用");
    }

    @Test
    void aQueryOfOneCharacterKeepsIt() {
        assertThat(ChineseSegmenter.requiredTerms("村")).containsExactly(List.of("村"));
    }

    @Test
    void singleCharactersTheDictionaryLacksMakeAPhrase() {
        List<List<String>> required = ChineseSegmenter.requiredTerms("低保户认定");
        assertThat(required).contains(List.of("认定"));
        assertThat(ChineseSegmenter.marks(required)).contains("认定");
        assertThat(ChineseSegmenter.tsquery(required)).contains("<->");
    }

    @Test
    void theTsvectorWeightsTitleWordsAndDropsPunctuation() {
        String vector = ChineseSegmenter.tsvector("集体资金", "挪用集体资金，'; drop");
        assertThat(vector).contains("'集体':1A,4").contains("'挪用':3").contains("'drop':6");
        assertThat(vector.replaceAll("'[^']*'", "")).doesNotContain("'").doesNotContain(";");
    }

    @Test
    void marksEveryOccurrenceLongestFirstAndKeepsTheRestAsText() {
        List<SearchHit.Segment> segments = Highlighter.mark("<b>挪用</b>集体资金", Set.of("挪用", "资金"));
        assertThat(segments)
                .containsExactly(
                        new SearchHit.Segment("<b>", false),
                        new SearchHit.Segment("挪用", true),
                        new SearchHit.Segment("</b>集体", false),
                        new SearchHit.Segment("资金", true));
    }

    @Test
    void adjacentWordsMakeOneMark() {
        assertThat(Highlighter.mark("低保户认定不精准", Set.of("低保户", "认定")))
                .containsExactly(new SearchHit.Segment("低保户认定", true), new SearchHit.Segment("不精准", false));
    }

    @Test
    void theSnippetStartsShortlyBeforeTheFirstHit() {
        String text = "甲".repeat(200) + "挪用" + "乙".repeat(200);
        List<SearchHit.Segment> snippet = Highlighter.snippet(text, Set.of("挪用"));
        assertThat(snippet.get(0).text()).isEqualTo("…");
        assertThat(snippet).contains(new SearchHit.Segment("挪用", true));
        assertThat(snippet.get(snippet.size() - 1).text()).isEqualTo("…");
        int length = snippet.stream().mapToInt(s -> s.text().length()).sum();
        assertThat(length).isLessThanOrEqualTo(Highlighter.SNIPPET_LENGTH + 2);
    }
}
