package org.xuncha.organization;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
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
