package org.xuncha.inspectors;

/** Two people who served in the same group (同组搭档), in a fixed order so each pair has one form. */
public record InspectorPair(InspectorId first, InspectorId second) {

    public InspectorPair {
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("a pair is two different people, the lower id first");
        }
    }

    public static InspectorPair of(InspectorId a, InspectorId b) {
        return a.compareTo(b) < 0 ? new InspectorPair(a, b) : new InspectorPair(b, a);
    }
}
