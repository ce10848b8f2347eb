package org.xuncha.revisits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The satisfaction index: (满意 × 100 + 基本满意 × 60 + 不满意 × 0) ÷ answers, one decimal. */
class SatisfactionTests {

    @Test
    void theIndexWeighsTheAnswers() {
        assertThat(new Satisfaction(3, 6, 3, 3).index()).isEqualTo(65.0); // (6 × 100 + 3 × 60) ÷ 12
        assertThat(new Satisfaction(1, 1, 1, 1).index()).isEqualTo(53.3);
        assertThat(new Satisfaction(2, 4, 0, 0).index()).isEqualTo(100.0);
        assertThat(new Satisfaction(2, 0, 4, 0).index()).isEqualTo(60.0);
        assertThat(Satisfaction.NONE.index()).isNull();
    }

    @Test
    void belowTheThresholdOnlyWithAnswers() {
        assertThat(new Satisfaction(1, 0, 1, 1).below(80)).isTrue();
        assertThat(new Satisfaction(1, 1, 0, 0).below(80)).isFalse();
        assertThat(Satisfaction.NONE.below(80)).isFalse();
    }
}
