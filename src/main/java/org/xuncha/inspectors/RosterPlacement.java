package org.xuncha.inspectors;

import java.util.List;

/** A person the roster puts into a group, in a role, with the reasons why they are there (入选理由). */
public record RosterPlacement(InspectorId inspector, String name, GroupRole role, List<Reason> reasons) {

    public RosterPlacement {
        reasons = List.copyOf(reasons);
    }
}
