package org.xuncha.planning;

/** Identity of a term (届), for other modules to refer to it. */
public record TermId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
