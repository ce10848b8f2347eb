package org.xuncha.planning;

/** Identity of an inspection round (轮次), for other modules to refer to it. */
public record RoundId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
