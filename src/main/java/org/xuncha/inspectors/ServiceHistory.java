package org.xuncha.inspectors;

import java.util.Map;

/**
 * What the term so far says about the people (任期内履历), as planning knows it: how many rounds each person served
 * (load) and how often two people were in the same group.
 */
public record ServiceHistory(Map<InspectorId, Integer> load, Map<InspectorPair, Integer> pairs) {

    public ServiceHistory {
        load = Map.copyOf(load);
        pairs = Map.copyOf(pairs);
    }

    public static ServiceHistory none() {
        return new ServiceHistory(Map.of(), Map.of());
    }

    public int loadOf(InspectorId inspector) {
        return load.getOrDefault(inspector, 0);
    }

    public int timesTogether(InspectorId a, InspectorId b) {
        return a.equals(b) ? 0 : pairs.getOrDefault(InspectorPair.of(a, b), 0);
    }
}
