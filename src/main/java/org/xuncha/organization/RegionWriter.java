package org.xuncha.organization;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
    record NewHousehold(
            long localityId,
            String code,
            String headName,
            @Nullable String villagerGroup,
            @Nullable String address,
            boolean fiveGuarantees,
            boolean minimumLiving,
            boolean dilapidatedHousing,
            @Nullable String idNumber) {}

    /** A region to insert under an existing parent. */
    record NewRegion(long parentId, RegionLevel level, RegionKind kind, String code, String name) {}

    /** New name and kind of an existing region. */
    record RegionChange(long id, String name, RegionKind kind) {}

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldCipher cipher;

    RegionWriter(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
    }

    long insertRegion(@Nullable Long parentId, RegionLevel level, @Nullable RegionKind kind, String code, String name) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organization.region', 'id'))")
                .query(Long.class)
                .single();
        String parentPath = parentId == null
                ? "/"
                : jdbc.sql("select path from organization.region where id = :id")
                        .param("id", parentId)
                        .query(String.class)
                        .single();
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
        jdbc.sql(
                        "update organization.region set name = :name, kind = coalesce(:kind, kind), version = version + 1 where id = :id")
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
        String parents = regions.stream()
                .map(r -> String.valueOf(r.parentId()))
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream()
                .collect(Collectors.joining(","));
        Map<Long, String> paths = jdbc
                .sql("select id, path from organization.region"
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
            rows.add(new Object[] {
                id,
                region.parentId(),
                region.level().name(),
                region.kind().name(),
                region.code(),
                region.name(),
                paths.get(region.parentId()) + id + "/"
            });
        }
        template.batchUpdate(
                "insert into organization.region (id, parent_id, level, kind, code, name, path)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                rows);
        return ids;
    }

    /** Renames regions in a batch, bumping their version so a form opened before the import gets a conflict. */
    void updateRegions(List<RegionChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "update organization.region set name = ?, kind = ?, version = version + 1 where id = ?",
                changes.stream()
                        .map(c -> new Object[] {c.name(), c.kind().name(), c.id()})
                        .toList());
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
                        """, factRows(facts));
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
                        """, factRows(facts));
    }

    private static List<Object[]> factRows(Map<Long, Locality.Facts> facts) {
        return facts.entrySet().stream()
                .map(e -> {
                    Locality.Facts f = e.getValue();
                    return new Object[] {
                        f.partyOrgType().name(),
                        f.partySecretary(),
                        f.partyMemberCount(),
                        f.population(),
                        f.householdCount(),
                        f.economy().funds(),
                        f.economy().assets(),
                        f.economy().resources(),
                        f.weakPartyBuilding(),
                        f.largeCollectiveEconomy(),
                        f.manyConflicts(),
                        Locality.assess(f, null, null).suggested().name(),
                        e.getKey()
                    };
                })
                .toList();
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
                .param(
                        "suggested",
                        Locality.assess(facts, null, null).suggested().name())
                .update();
    }

    /**
     * Inserts households or updates those whose code exists, 1,000 per statement: each column goes as one array and
     * PostgreSQL unnests them, which is several times faster than a JDBC batch of single-row statements. Codes must
     * be unique within the list. An absent ID number keeps the stored one.
     */
    void upsertHouseholds(List<NewHousehold> households) {
        for (int from = 0; from < households.size(); from += 1000) {
            upsert(households.subList(from, Math.min(households.size(), from + 1000)));
        }
    }

    private void upsert(List<NewHousehold> households) {
        int n = households.size();
        Long[] localities = new Long[n];
        String[] codes = new String[n];
        String[] heads = new String[n];
        String[] groups = new String[n];
        String[] addresses = new String[n];
        Boolean[] five = new Boolean[n];
        Boolean[] minimum = new Boolean[n];
        Boolean[] dilapidated = new Boolean[n];
        String[] ciphers = new String[n];
        String[] tails = new String[n];
        for (int i = 0; i < n; i++) {
            NewHousehold h = households.get(i);
            localities[i] = h.localityId();
            codes[i] = h.code();
            heads[i] = h.headName();
            groups[i] = h.villagerGroup();
            addresses[i] = h.address();
            five[i] = h.fiveGuarantees();
            minimum[i] = h.minimumLiving();
            dilapidated[i] = h.dilapidatedHousing();
            if (h.idNumber() != null && !h.idNumber().isBlank()) {
                String id = h.idNumber().strip();
                ciphers[i] = HEX.formatHex(cipher.encrypt(id));
                tails[i] = id.substring(Math.max(0, id.length() - 4));
            }
        }
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    insert into organization.household (locality_id, code, head_name, villager_group, address,
                        five_guarantees, minimum_living, dilapidated_housing, id_number_cipher, id_number_tail)
                    select locality_id, code, head_name, villager_group, address, five_guarantees, minimum_living,
                        dilapidated_housing, decode(cipher, 'hex'), tail
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],
                        ?::boolean[], ?::text[], ?::text[])
                        as h (locality_id, code, head_name, villager_group, address, five_guarantees, minimum_living,
                        dilapidated_housing, cipher, tail)
                    on conflict (code) do update set locality_id = excluded.locality_id,
                        head_name = excluded.head_name, villager_group = excluded.villager_group,
                        address = excluded.address, five_guarantees = excluded.five_guarantees,
                        minimum_living = excluded.minimum_living, dilapidated_housing = excluded.dilapidated_housing,
                        id_number_cipher = coalesce(excluded.id_number_cipher, organization.household.id_number_cipher),
                        id_number_tail = coalesce(excluded.id_number_tail, organization.household.id_number_tail),
                        version = organization.household.version + 1
                    """);
            ps.setArray(1, connection.createArrayOf("bigint", localities));
            ps.setArray(2, connection.createArrayOf("text", codes));
            ps.setArray(3, connection.createArrayOf("text", heads));
            ps.setArray(4, connection.createArrayOf("text", groups));
            ps.setArray(5, connection.createArrayOf("text", addresses));
            ps.setArray(6, connection.createArrayOf("boolean", five));
            ps.setArray(7, connection.createArrayOf("boolean", minimum));
            ps.setArray(8, connection.createArrayOf("boolean", dilapidated));
            ps.setArray(9, connection.createArrayOf("text", ciphers));
            ps.setArray(10, connection.createArrayOf("text", tails));
            return ps;
        });
    }
}
