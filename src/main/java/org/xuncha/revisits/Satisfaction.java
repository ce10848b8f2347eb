package org.xuncha.revisits;

/**
 * A satisfaction index (满意度指数) over a set of answers: (满意 × 100 + 基本满意 × 60 + 不满意 × 0) ÷ answers, one
 * decimal, with the number of respondents who gave them; no answers, no index.
 */
public record Satisfaction(long respondents, long satisfied, long basicallySatisfied, long dissatisfied) {

    public static final Satisfaction NONE = new Satisfaction(0, 0, 0, 0);

    public long answers() {
        return satisfied + basicallySatisfied + dissatisfied;
    }

    public @org.jspecify.annotations.Nullable Double index() {
        long answers = answers();
        if (answers == 0) {
            return null;
        }
        double raw = (satisfied * SurveyAnswer.SATISFIED.points()
                        + basicallySatisfied * SurveyAnswer.BASICALLY_SATISFIED.points())
                / (double) answers;
        return Math.round(raw * 10) / 10.0;
    }

    public boolean below(int threshold) {
        Double index = index();
        return index != null && index < threshold;
    }
}
