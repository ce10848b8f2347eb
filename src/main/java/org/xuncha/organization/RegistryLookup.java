package org.xuncha.organization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an import refers to that already exists: regions and households by code, each with whether it lies in the
 * caller's scope. One query per table for the whole file, however many rows it has.
 */
@Repository
class RegistryLookup {

    /** A region as an import sees it; {@code facts} only for a 村居. */
    record ExistingRegion(
            long id,
            String code,
            RegionLevel level,
            @Nullable RegionKind kind,
            String name,
            @Nullable String parentCode,
            boolean inScope,
            Locality.@Nullable Facts facts) {}

    /** A household as an import sees it; the ID number only as its last four characters. */
    record ExistingHousehold(
            long id,
            String code,
            long localityId,
            String headName,
            @Nullable String villagerGroup,
            @Nullable String address,
            boolean fiveGuarantees,
            boolean minimumLiving,
            boolean dilapidatedHousing,
            @Nullable String idNumberTail,
            boolean inScope) {}

    private final JdbcClient jdbc;

    RegistryLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, ExistingRegion> regions(Collection<String> codes, RegionScope scope) {
        Map<String, ExistingRegion> regions = new HashMap<>();
        if (codes.isEmpty()) {
            return regions;
        }
        jdbc.sql("""
                        select r.id, r.code, r.level, r.kind, r.name, p.code as parent_code, l.party_org_type,
                          l.party_secretary, l.party_member_count, l.population, l.household_count, l.collective_funds,
                          l.collective_assets, l.collective_resources, l.weak_party_building, l.large_collective_economy,
                          l.many_conflicts,
                        """ + ScopeFilter.within("r") + """
                         as in_scope
                        from organization.region r
                        left join organization.region p on p.id = r.parent_id
                        left join organization.locality l on l.region_id = r.id
                        where r.code = any(string_to_array(:codes, ','))
                        """)
                .param("codes", String.join(",", codes))
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(this::region)
                .list()
                .forEach(r -> regions.put(r.code(), r));
        return regions;
    }

    Map<String, ExistingHousehold> households(Collection<String> codes, RegionScope scope) {
        Map<String, ExistingHousehold> households = new HashMap<>();
        if (codes.isEmpty()) {
            return households;
        }
        jdbc.sql("""
                        select h.id, h.code, h.locality_id, h.head_name, h.villager_group, h.address, h.five_guarantees,
                          h.minimum_living, h.dilapidated_housing, h.id_number_tail,
                        """ + ScopeFilter.within("r") + """
                         as in_scope
                        from organization.household h join organization.region r on r.id = h.locality_id
                        where h.code = any(string_to_array(:codes, ','))
                        """)
                .param("codes", String.join(",", codes))
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(ExistingHousehold.class)
                .list()
                .forEach(h -> households.put(h.code(), h));
        return households;
    }

    private ExistingRegion region(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        String orgType = rs.getString("party_org_type");
        Locality.Facts facts = orgType == null
                ? null
                : new Locality.Facts(
                        Locality.PartyOrgType.valueOf(orgType),
                        rs.getString("party_secretary"),
                        rs.getInt("party_member_count"),
                        rs.getInt("population"),
                        rs.getInt("household_count"),
                        new CollectiveEconomy(
                                plain(rs.getBigDecimal("collective_funds")),
                                plain(rs.getBigDecimal("collective_assets")),
                                plain(rs.getBigDecimal("collective_resources"))),
                        rs.getBoolean("weak_party_building"),
                        rs.getBoolean("large_collective_economy"),
                        rs.getBoolean("many_conflicts"));
        return new ExistingRegion(
                rs.getLong("id"),
                rs.getString("code"),
                RegionLevel.valueOf(rs.getString("level")),
                kind == null ? null : RegionKind.valueOf(kind),
                rs.getString("name"),
                rs.getString("parent_code"),
                rs.getBoolean("in_scope"),
                facts);
    }

    /** Numbers compare by value whatever their scale: 12.50 from the database equals 12.5 from a cell. */
    static BigDecimal plain(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
