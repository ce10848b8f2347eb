package org.xuncha.organization;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.confidential.FieldCipher;

/** Writes regions, 村居 and households for the demo district and for imports, in the caller's transaction. */
@Repository
class RegionWriter {

    /** A household to insert or update, its ID number still in plain text (encrypted here). */
    record NewHousehold(long localityId, String code, String headName, @Nullable String villagerGroup,
            @Nullable String address, boolean fiveGuarantees, boolean minimumLiving, boolean dilapidatedHousing,
            @Nullable String idNumber) {}

    /** A region to insert under an existing parent. */
    record NewRegion(long parentId, RegionLevel level, RegionKind kind, String code, String name) {}

    /** New name and kind of an existing region. */
    record RegionChange(long id, String name, RegionKind kind) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldCipher cipher;

    RegionWriter(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
    }

    long insertRegion(@Nullable Long parentId, RegionLevel level, @Nullable RegionKind kind, String code, String name) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organization.region', 'id'))").query(Long.class).single();
        String parentPath = parentId == null
                ? "/"
                : jdbc.sql("select path from organization.region where id = :id").param("id", parentId).query(String.class).single();
        jdbc.sql("""
                        insert into organization.region (id, parent_id, level, kind, code, name, path)
                        values (:id, :parent, :level, :kind, :code, :name, :path)
                        """)
                .param("id", id)
                .param("parent", parentId)
                .param("level", level.name())
                .param("kind", kind == null ? null : kind.name())
                .param("code", code)
                .param("name", name)
                .param("path", parentPath + id + "/")
                .update();
        return id;
    }

    void renameRegion(long id, String name, @Nullable RegionKind kind) {
        jdbc.sql("update organization.region set name = :name, kind = coalesce(:kind, kind), version = version + 1 where id = :id")
                .param("name", name)
                .param("kind", kind == null ? null : kind.name())
                .param("id", id)
                .update();
    }

    /** Inserts regions in batches: one query for their ids, one for their parents' paths. Returns ids by code. */
    Map<String, Long> insertRegions(List<NewRegion> regions) {
        Map<String, Long> ids = new HashMap<>();
        if (regions.isEmpty()) {
            return ids;
        }
        List<Long> newIds = jdbc.sql("select nextval(pg_get_serial_sequence('organization.region', 'id'))"
                        + " from generate_series(1, :n)")
                .param("n", regions.size())
                .query(Long.class)
                .list();
        String parents = regions.stream().map(r -> String.valueOf(r.parentId()))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(","));
        Map<Long, String> paths = jdbc.sql("select id, path from organization.region"
                        + " where id = any(string_to_array(:ids, ',')::bigint[])")
                .param("ids", parents)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("path")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Object[]> rows = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            NewRegion region = regions.get(i);
            long id = newIds.get(i);
            ids.put(region.code(), id);
            rows.add(new Object[] {id, region.parentId(), region.level().name(), region.kind().name(), region.code(),
                region.name(), paths.get(region.parentId()) + id + "/"});
        }
        template.batchUpdate("insert into organization.region (id, parent_id, level, kind, code, name, path)"
                + " values (?, ?, ?, ?, ?, ?, ?)", rows);
        return ids;
    }

    /** Renames regions in a batch, bumping their version so a form opened before the import gets a conflict. */
    void updateRegions(List<RegionChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        template.batchUpdate("update organization.region set name = ?, kind = ?, version = version + 1 where id = ?",
                changes.stream().map(c -> new Object[] {c.name(), c.kind().name(), c.id()}).toList());
    }

    /** Inserts the facts of new 村居 in a batch, each with its suggested intensity. */
    void insertLocalities(Map<Long, Locality.Facts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                        insert into organization.locality (party_org_type, party_secretary, party_member_count,
                            population, household_count, collective_funds, collective_assets, collective_resources,
                            weak_party_building, large_collective_economy, many_conflicts, suggested_intensity, region_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                factRows(facts));
    }

    /** Replaces the facts of existing 村居 in a batch; an intensity override stays, the suggestion is recomputed. */
    void updateLocalities(Map<Long, Locality.Facts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                        update organization.locality set party_org_type = ?, party_secretary = ?, party_member_count = ?,
                            population = ?, household_count = ?, collective_funds = ?, collective_assets = ?,
                            collective_resources = ?, weak_party_building = ?, large_collective_economy = ?,
                            many_conflicts = ?, suggested_intensity = ?, version = version + 1
                        where region_id = ?
                        """,
                factRows(facts));
    }

    private static List<Object[]> factRows(Map<Long, Locality.Facts> facts) {
        return facts.entrySet().stream().map(e -> {
            Locality.Facts f = e.getValue();
            return new Object[] {f.partyOrgType().name(), f.partySecretary(), f.partyMemberCount(), f.population(),
                f.householdCount(), f.economy().funds(), f.economy().assets(), f.economy().resources(),
                f.weakPartyBuilding(), f.largeCollectiveEconomy(), f.manyConflicts(),
                Locality.assess(f, null, null).suggested().name(), e.getKey()};
        }).toList();
    }

    void insertLocality(long regionId, Locality.Facts facts) {
        jdbc.sql("""
                        insert into organization.locality (region_id, party_org_type, party_secretary, party_member_count,
                            population, household_count, collective_funds, collective_assets, collective_resources,
                            weak_party_building, large_collective_economy, many_conflicts, suggested_intensity)
                        values (:id, :orgType, :secretary, :members, :population, :householdCount, :funds, :assets,
                            :resources, :weak, :large, :conflicts, :suggested)
                        """)
                .param("id", regionId)
                .param("orgType", facts.partyOrgType().name())
                .param("secretary", facts.partySecretary())
                .param("members", facts.partyMemberCount())
                .param("population", facts.population())
                .param("householdCount", facts.householdCount())
                .param("funds", facts.economy().funds())
                .param("assets", facts.economy().assets())
                .param("resources", facts.economy().resources())
                .param("weak", facts.weakPartyBuilding())
                .param("large", facts.largeCollectiveEconomy())
                .param("conflicts", facts.manyConflicts())
                .param("suggested", Locality.assess(facts, null, null).suggested().name())
                .update();
    }

    /** Inserts households or updates those whose code exists, in batches. */
    void upsertHouseholds(List<NewHousehold> households) {
        if (households.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                        insert into organization.household (locality_id, code, head_name, villager_group, address,
                            five_guarantees, minimum_living, dilapidated_housing, id_number_cipher, id_number_tail)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set locality_id = excluded.locality_id,
                            head_name = excluded.head_name, villager_group = excluded.villager_group,
                            address = excluded.address, five_guarantees = excluded.five_guarantees,
                            minimum_living = excluded.minimum_living, dilapidated_housing = excluded.dilapidated_housing,
                            id_number_cipher = coalesce(excluded.id_number_cipher, organization.household.id_number_cipher),
                            id_number_tail = coalesce(excluded.id_number_tail, organization.household.id_number_tail),
                            version = organization.household.version + 1
                        """,
                households, 1000, this::bind);
    }

    private void bind(PreparedStatement ps, NewHousehold h) throws SQLException {
        ps.setLong(1, h.localityId());
        ps.setString(2, h.code());
        ps.setString(3, h.headName());
        ps.setString(4, h.villagerGroup());
        ps.setString(5, h.address());
        ps.setBoolean(6, h.fiveGuarantees());
        ps.setBoolean(7, h.minimumLiving());
        ps.setBoolean(8, h.dilapidatedHousing());
        if (h.idNumber() == null || h.idNumber().isBlank()) {
            ps.setNull(9, Types.BINARY);
            ps.setNull(10, Types.VARCHAR);
        } else {
            String id = h.idNumber().strip();
            ps.setBytes(9, cipher.encrypt(id));
            ps.setString(10, id.substring(Math.max(0, id.length() - 4)));
        }
    }
}
