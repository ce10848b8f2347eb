package org.xuncha.planning;

import java.util.List;
import java.util.Optional;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.InspectorId;

/**
 * 巡察组 as other modules see it: the round, the group's number within the round (stable while the office edits the
 * roster; the row id is not), its name, its people with their roles and the 村居 (region ids) it takes. Records of
 * other modules key by round and 村居, and find the group through {@link Rounds#groupOf}.
 */
public record RoundGroup(RoundId roundId, int number, String name, List<Member> members, List<Long> localityIds) {

    /** 巡察组成员: the inspector, their name and role in the group. */
    public record Member(InspectorId inspector, String name, GroupRole role) {}

    public RoundGroup {
        members = List.copyOf(members);
        localityIds = List.copyOf(localityIds);
    }

    public Optional<Member> leader() {
        return members.stream().filter(m -> m.role() == GroupRole.LEADER).findFirst();
    }

    public Optional<Member> member(InspectorId inspector) {
        return members.stream().filter(m -> m.inspector().equals(inspector)).findFirst();
    }

    public boolean takes(long localityId) {
        return localityIds.contains(localityId);
    }
}
