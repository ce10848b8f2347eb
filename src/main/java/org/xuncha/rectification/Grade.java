package org.xuncha.rectification;

/** Grade on a supervision indicator (评价等次): 好, 较好, 一般, 差. */
enum Grade {
    GOOD(100),
    FAIRLY_GOOD(80),
    AVERAGE(60),
    POOR(0);

    private final int points;

    Grade(int points) {
        this.points = points;
    }

    int points() {
        return points;
    }
}
