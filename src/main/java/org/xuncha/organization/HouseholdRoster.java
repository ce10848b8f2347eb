package org.xuncha.organization;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household roster (农户名册) read by other modules: a 村居's households within a scope, households by code, and
 * the special households (五保户, 低保户, 危房改造户) of given 村居. Special households come first, then by code.
 */
@Service
public class HouseholdRoster {

    private static final String COLUMNS = "select h.id, h.locality_id, h.code, h.head_name, h.villager_group,"
            + " h.five_guarantees, h.minimum_living, h.dilapidated_housing from organization.household h";
    private static final String SPECIAL = "(h.five_guarantees or h.minimum_living or h.dilapidated_housing)";
    private static final String ORDER = " order by " + SPECIAL + " desc, h.code";

    private final JdbcClient jdbc;

    HouseholdRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 村居's households within the scope whose code, head or 村民组 contains the text (all when blank). */
    @Transactional(readOnly = true)
    public List<RosterHousehold> ofLocality(long localityId, String search, RegionScope scope, int limit) {
        String like =
                "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(COLUMNS + " join organization.region r on r.id = h.locality_id where h.locality_id = :locality"
                        + " and " + ScopeFilter.within("r")
                        + " and (h.code like :like or h.head_name like :like or coalesce(h.villager_group, '') like :like)"
                        + ORDER + " limit :limit")
                .param("locality", localityId)
                .param("scopeIds", ScopeFilter.ids(scope))
                .param("like", like)
                .param("limit", limit)
                .query(RosterHousehold.class)
                .list();
    }

    /** The households with these codes, whoever asks (callers check the 村居 against their own scope). */
    @Transactional(readOnly = true)
    public List<RosterHousehold> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where h.code = any (:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query(RosterHousehold.class)
                .list();
    }

    /** The households with these ids, whoever asks (callers check the 村居 against their own scope). */
    @Transactional(readOnly = true)
    public List<RosterHousehold> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where h.id = any (:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(RosterHousehold.class)
                .list();
    }

    /** The special households (五保户, 低保户, 危房改造户) of the 村居, by 村居 then code. */
    @Transactional(readOnly = true)
    public List<RosterHousehold> special(Collection<Long> localityIds) {
        if (localityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where h.locality_id = any (:localities) and " + SPECIAL
                        + " order by h.locality_id, h.code")
                .param("localities", localityIds.toArray(Long[]::new))
                .query(RosterHousehold.class)
                .list();
    }
}
