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

    Regions(JdbcClient jdbc, DemoDistrict demoDistrict, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.demoDistrict = demoDistrict;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from organization.region)").query(Boolean.class).single();
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
        return jdbc.sql("select id, parent_id, code, name, level, kind, path from organization.region where name = :name"
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
        return jdbc.sql("select id, parent_id, code, name, level, kind, path from organization.region where id in (:ids)"
                        + " order by path")
                .param("ids", ids)
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
}
