package org.xuncha.inspectors;

/** Identity of an inspector of the pool (巡察人员编号). */
public record InspectorId(long value) implements Comparable<InspectorId> {

    @Override
    public int compareTo(InspectorId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
