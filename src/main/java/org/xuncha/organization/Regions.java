package org.xuncha.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region registry as other modules use it: names and places of regions, and the demo district. */
@Service
public class Regions {

    private final JdbcClient jdbc;
    private final DemoDistrict demoDistrict;
    private final ApplicationEventPublisher events;
    private final RegionTree tree;

    Regions(JdbcClient jdbc, DemoDistrict demoDistrict, ApplicationEventPublisher events, RegionTree tree) {
        this.jdbc = jdbc;
        this.demoDistrict = demoDistrict;
        this.events = events;
        this.tree = tree;
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from organization.region)")
                .query(Boolean.class)
                .single();
    }

    /** Loads 睢阳区 with its 19 township units, 349 村居 and their households, when the registry is empty. */
    @Transactional
    public Optional<RegionSummary> loadDemoDistrict() {
        if (!isEmpty()) {
            return Optional.empty();
        }
        long districtId = demoDistrict.load();
        events.publishEvent(new DemoDistrictLoaded(districtId));
        return find(districtId);
    }

    @Transactional(readOnly = true)
    public Optional<RegionSummary> find(long id) {
        return jdbc.sql("select id, parent_id, code, name, level, kind, path from organization.region where id = :id")
                .param("id", id)
                .query(RegionSummary.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<RegionSummary> findByName(String name) {
        return jdbc.sql(
                        "select id, parent_id, code, name, level, kind, path from organization.region where name = :name"
                                + " order by id limit 1")
                .param("name", name)
                .query(RegionSummary.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<RegionSummary> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id, parent_id, code, name, level, kind, path from organization.region where id in (:ids)"
                                + " order by path")
                .param("ids", ids)
                .query(RegionSummary.class)
                .list();
    }

    /** The regions directly under a region, in code order: reference data (names and places), no business facts. */
    @Transactional(readOnly = true)
    public List<RegionSummary> children(long parentId) {
        return jdbc.sql("select id, parent_id, code, name, level, kind, path from organization.region"
                        + " where parent_id = :parent order by code")
                .param("parent", parentId)
                .query(RegionSummary.class)
                .list();
    }

    /** Regions a data scope can be given on: province down to township unit, in tree order. */
    @Transactional(readOnly = true)
    public List<RegionSummary> scopeCandidates() {
        return jdbc.sql("select id, parent_id, code, name, level, kind, path from organization.region"
                        + " where level <> 'LOCALITY' order by code")
                .query(RegionSummary.class)
                .list();
    }

    /** The township units within the scope, in code order. */
    @Transactional(readOnly = true)
    public List<RegionSummary> townships(RegionScope scope) {
        return tree.townships(scope);
    }

    /**
     * The 村居 under the given regions (township units, or a whole district) that lie within the scope, each with its
     * township, kind and effective intensity, in code order.
     */
    @Transactional(readOnly = true)
    public List<LocalitySummary> localitiesUnder(Collection<Long> regionIds, RegionScope scope) {
        if (regionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.id, r.code, r.name, r.kind, t.id as township_id, t.name as township_name, r.path,
                               coalesce(l.intensity_override, l.suggested_intensity) as intensity
                        from organization.region r
                        join organization.locality l on l.region_id = r.id
                        join organization.region t on t.id = r.parent_id
                        where r.level = 'LOCALITY'
                          and exists (select 1 from organization.region u where u.id in (:regionIds) and r.path like u.path || '%')
                          and\s""" + ScopeFilter.within("r") + " order by r.code")
                .param("regionIds", regionIds)
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(LocalitySummary.class)
                .list();
    }

    /**
     * Of the given 村居, those with a large collective economy (三资体量大): flagged by the office, or funds and assets
     * together at or above the threshold.
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> largeCollectiveEconomies(Collection<Long> localityIds) {
        if (localityIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select region_id from organization.locality where region_id in (:ids)
                          and (large_collective_economy
                               or coalesce(collective_funds, 0) + coalesce(collective_assets, 0) >= :threshold)
                        """)
                .param("ids", localityIds)
                .param("threshold", CollectiveEconomy.LARGE_THRESHOLD)
                .query(Long.class)
                .list());
    }
}
