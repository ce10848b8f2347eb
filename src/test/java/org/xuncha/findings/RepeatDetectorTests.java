package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repeat detection without Spring: bigram similarity of Chinese text and the common-problem threshold. */
class RepeatDetectorTests {

    @Test
    void similarChineseDescriptionsAreARecurrenceAndUnrelatedOnesAreNot() {
        assertThat(RepeatDetector.recurrence("低保户认定不精准，存在优亲厚友现象。", "低保户认定不精准，村干部亲属违规享受低保。"))
                .isTrue();
        assertThat(RepeatDetector.recurrence("低保户认定不精准。", "道路两侧垃圾堆放无人清理。")).isFalse();
        assertThat(RepeatDetector.similarity("三资管理不规范", "三资管理不规范")).isEqualTo(1.0);
        assertThat(RepeatDetector.similarity("", "三资")).isZero();
    }

    @Test
    void punctuationAndSpacesDoNotCount() {
        assertThat(RepeatDetector.similarity("账目 不清，", "账目不清")).isEqualTo(1.0);
    }

    @Test
    void aCommonProblemNeedsThreeLocalitiesOrEveryOneTheRoundTakesInTheTownship() {
        assertThat(RepeatDetector.common(3, 10)).isTrue();
        assertThat(RepeatDetector.common(2, 10)).isFalse();
        assertThat(RepeatDetector.common(2, 2)).isTrue();
        assertThat(RepeatDetector.common(1, 1)).isFalse();
    }
}
