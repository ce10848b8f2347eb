package org.xuncha.revisits;

/** An answer of the satisfaction survey (满意度): 满意 100 points, 基本满意 60, 不满意 0. */
enum SurveyAnswer {
    SATISFIED(100, '1'),
    BASICALLY_SATISFIED(60, '2'),
    DISSATISFIED(0, '3');

    private final int points;
    private final char paperCode;

    SurveyAnswer(int points, char paperCode) {
        this.points = points;
        this.paperCode = paperCode;
    }

    int points() {
        return points;
    }

    /** The digit a paper form's answer is typed as in batch entry: 1 满意, 2 基本满意, 3 不满意. */
    static SurveyAnswer ofPaperCode(char code) {
        for (SurveyAnswer a : values()) {
            if (a.paperCode == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("not an answer: " + code);
    }
}
