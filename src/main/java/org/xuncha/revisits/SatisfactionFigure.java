package org.xuncha.revisits;

import org.jspecify.annotations.Nullable;

/**
 * A satisfaction index as other modules read it (满意度指数): of a 村居, a township or a round ({@code level}), the
 * respondents, the answers and the index (满意 × 100 + 基本满意 × 60 + 不满意 × 0) ÷ answers; null without answers.
 */
public record SatisfactionFigure(
        String level,
        long id,
        String name,
        long respondents,
        long answers,
        @Nullable Double index) {}
