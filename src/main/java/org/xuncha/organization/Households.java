package org.xuncha.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.web.Paged;

/** The household roster (农户名册) of the 村居, read within a {@link RegionScope}. */
@Repository
class Households {

    /** A household as the roster shows it; the ID number only as its last four digits. */
    record Row(
            long id,
            String code,
            String headName,
            @Nullable String villagerGroup,
            @Nullable String address,
            boolean fiveGuarantees,
            boolean minimumLiving,
            boolean dilapidatedHousing,
            @Nullable String idNumberTail) {

        public boolean special() {
            return fiveGuarantees || minimumLiving || dilapidatedHousing;
        }

        public String maskedIdNumber() {
            return idNumberTail == null ? "" : "**************" + idNumberTail;
        }
    }

    /** Roster filter: only special households (五保户, 低保户, 危房改造户) or all. */
    enum Category {
        ALL,
        SPECIAL,
        FIVE_GUARANTEES,
        MINIMUM_LIVING,
        DILAPIDATED_HOUSING
    }

    private final JdbcClient jdbc;

    Households(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Paged<Row> ofLocality(long localityId, Category category, RegionScope scope, int page, int size) {
        String where = " from organization.household h join organization.region r on r.id = h.locality_id"
                + " where h.locality_id = :locality and " + ScopeFilter.within("r") + condition(category);
        long total = jdbc.sql("select count(*)" + where)
                .param("locality", localityId)
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(Long.class)
                .single();
        Paged<Row> shape = new Paged<>(List.of(), page, size, total);
        List<Row> rows = jdbc.sql("select h.id, h.code, h.head_name, h.villager_group, h.address, h.five_guarantees,"
                        + " h.minimum_living, h.dilapidated_housing, h.id_number_tail" + where
                        + " order by h.code limit :limit offset :offset")
                .param("locality", localityId)
                .param("scopeIds", ScopeFilter.ids(scope))
                .param("limit", size)
                .param("offset", shape.offset())
                .query(Row.class)
                .list();
        return new Paged<>(rows, page, size, total);
    }

    private static String condition(Category category) {
        return switch (category) {
            case ALL -> "";
            case SPECIAL -> " and (h.five_guarantees or h.minimum_living or h.dilapidated_housing)";
            case FIVE_GUARANTEES -> " and h.five_guarantees";
            case MINIMUM_LIVING -> " and h.minimum_living";
            case DILAPIDATED_HOUSING -> " and h.dilapidated_housing";
        };
    }
}
