package org.xuncha.inspectors;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A suggested inspection group (建议巡察组): its 村居 (一托N), leader, optional deputy and members. */
public record SuggestedGroup(
        int number,
        List<RoundLocality> localities,
        RosterPlacement leader,
        @Nullable RosterPlacement deputy,
        List<RosterPlacement> members) {

    public SuggestedGroup {
        localities = List.copyOf(localities);
        members = List.copyOf(members);
    }

    /** Leader, deputy (if any) and members, in that order. */
    public List<RosterPlacement> people() {
        List<RosterPlacement> people = new ArrayList<>(members.size() + 2);
        people.add(leader);
        if (deputy != null) {
            people.add(deputy);
        }
        people.addAll(members);
        return people;
    }
}
