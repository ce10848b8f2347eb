package org.xuncha.inspectors;

import java.util.List;

/**
 * What a roster could not staff (无法配备) and why. When no leader can be found the group is not formed and its
 * 村居 stay unassigned ({@code localitiesUnassigned}); a missing deputy, missing members or missing 财务/审计
 * expertise leave the group in the roster for the office to complete.
 */
public record StaffingGap(
        int groupNumber,
        GroupRole role,
        List<RoundLocality> localities,
        boolean localitiesUnassigned,
        List<Reason> reasons) {

    public StaffingGap {
        localities = List.copyOf(localities);
        reasons = List.copyOf(reasons);
    }
}
