package org.xuncha.organization;

import org.jspecify.annotations.Nullable;

/**
 * A household of the roster (农户) as other modules see it: identity, code, head, 村民组 and the three special flags
 * (五保户, 低保户, 危房改造户). No ID number.
 */
public record RosterHousehold(
        long id,
        long localityId,
        String code,
        String headName,
        @Nullable String villagerGroup,
        boolean fiveGuarantees,
        boolean minimumLiving,
        boolean dilapidatedHousing) {

    /** A 五保户, 低保户 or 危房改造户. */
    public boolean special() {
        return fiveGuarantees || minimumLiving || dilapidatedHousing;
    }
}
