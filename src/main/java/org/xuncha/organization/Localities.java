package org.xuncha.organization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.web.Paged;

/** The 村居 of the registry, always read within a {@link RegionScope}. */
@Repository
class Localities {

    /** Filters of the 村居 list; every field optional. */
    record Filter(
            @Nullable Long townshipId,
            @Nullable RegionKind kind,
            @Nullable Intensity intensity,
            @Nullable String name) {

        static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One row of the 村居 list. */
    record Row(
            long id,
            String code,
            String name,
            RegionKind kind,
            long townshipId,
            String townshipName,
            Locality.PartyOrgType partyOrgType,
            @Nullable String partySecretary,
            int population,
            long households,
            long specialHouseholds,
            Intensity intensity,
            boolean overridden) {}

    private static final String FROM = """
            from organization.region r
            join organization.locality l on l.region_id = r.id
            join organization.region t on t.id = r.parent_id
            """;

    private final JdbcClient jdbc;

    Localities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Locality> find(long id, RegionScope scope) {
        return jdbc.sql(
                        "select r.id, r.code, r.name, r.kind, r.path, l.*, t.id as township_id, t.name as township_name "
                                + FROM + " where r.id = :id and " + ScopeFilter.within("r"))
                .param("id", id)
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(this::map)
                .optional();
    }

    Paged<Row> search(Filter filter, RegionScope scope, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        long total = jdbc.sql("select count(*) " + FROM + where)
                .params(params)
                .query(Long.class)
                .single();
        Paged<Row> shape = new Paged<>(List.of(), page, size, total);
        List<Row> rows = jdbc.sql("""
                        select r.id, r.code, r.name, r.kind, t.id as township_id, t.name as township_name,
                               l.party_org_type, l.party_secretary, l.population,
                               (select count(*) from organization.household h where h.locality_id = r.id) as households,
                               (select count(*) from organization.household h where h.locality_id = r.id
                                  and (h.five_guarantees or h.minimum_living or h.dilapidated_housing)) as special_households,
                               coalesce(l.intensity_override, l.suggested_intensity) as intensity,
                               (l.intensity_override is not null and l.intensity_override <> l.suggested_intensity) as overridden
                        """ + FROM + where + " order by r.code limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", shape.offset())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        RegionKind.valueOf(rs.getString("kind")),
                        rs.getLong("township_id"),
                        rs.getString("township_name"),
                        Locality.PartyOrgType.valueOf(rs.getString("party_org_type")),
                        rs.getString("party_secretary"),
                        rs.getInt("population"),
                        rs.getLong("households"),
                        rs.getLong("special_households"),
                        Intensity.valueOf(rs.getString("intensity")),
                        rs.getBoolean("overridden")))
                .list();
        return new Paged<>(rows, page, size, total);
    }

    /** Saves the facts and the override of a 村居, refusing a stale version. */
    void save(Locality locality) {
        Locality.Facts f = locality.facts();
        int updated = jdbc.sql("""
                        update organization.locality set party_org_type = :orgType, party_secretary = :secretary,
                            party_member_count = :members, population = :population, household_count = :householdCount,
                            collective_funds = :funds, collective_assets = :assets, collective_resources = :resources,
                            weak_party_building = :weak, large_collective_economy = :large, many_conflicts = :conflicts,
                            suggested_intensity = :suggested, intensity_override = :override, override_reason = :reason,
                            overridden_by = :by, overridden_at = :at, version = version + 1
                        where region_id = :id and version = :version
                        """)
                .param("orgType", f.partyOrgType().name())
                .param("secretary", f.partySecretary())
                .param("members", f.partyMemberCount())
                .param("population", f.population())
                .param("householdCount", f.householdCount())
                .param("funds", f.economy().funds())
                .param("assets", f.economy().assets())
                .param("resources", f.economy().resources())
                .param("weak", f.weakPartyBuilding())
                .param("large", f.largeCollectiveEconomy())
                .param("conflicts", f.manyConflicts())
                .param("suggested", locality.assess().suggested().name())
                .param(
                        "override",
                        locality.intensityOverride() == null
                                ? null
                                : locality.intensityOverride().name())
                .param("reason", locality.overrideReason())
                .param("by", locality.overriddenBy())
                .param("at", locality.overriddenAt() == null ? null : Timestamp.from(locality.overriddenAt()))
                .param("id", locality.id())
                .param("version", locality.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("locality " + locality.id());
        }
    }

    private static String where(Filter filter, RegionScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(ScopeFilter.within("r"));
        params.put("scopeIds", ScopeFilter.ids(scope));
        if (filter.townshipId() != null) {
            where.append(" and t.id = :townshipId");
            params.put("townshipId", filter.townshipId());
        }
        if (filter.kind() != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.intensity() != null) {
            where.append(" and coalesce(l.intensity_override, l.suggested_intensity) = :intensity");
            params.put("intensity", filter.intensity().name());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" and r.name like :name escape '\\'");
            params.put(
                    "name",
                    "%"
                            + filter.name()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private Locality map(ResultSet rs, int row) throws SQLException {
        String override = rs.getString("intensity_override");
        Timestamp at = rs.getTimestamp("overridden_at");
        Locality.Facts facts = new Locality.Facts(
                Locality.PartyOrgType.valueOf(rs.getString("party_org_type")),
                rs.getString("party_secretary"),
                rs.getInt("party_member_count"),
                rs.getInt("population"),
                rs.getInt("household_count"),
                new CollectiveEconomy(
                        decimal(rs, "collective_funds"),
                        decimal(rs, "collective_assets"),
                        decimal(rs, "collective_resources")),
                rs.getBoolean("weak_party_building"),
                rs.getBoolean("large_collective_economy"),
                rs.getBoolean("many_conflicts"));
        return new Locality(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                RegionKind.valueOf(rs.getString("kind")),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("path"),
                facts,
                override == null ? null : Intensity.valueOf(override),
                rs.getString("override_reason"),
                rs.getString("overridden_by"),
                at == null ? null : at.toInstant(),
                rs.getInt("version"));
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
