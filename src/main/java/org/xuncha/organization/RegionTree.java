package org.xuncha.organization;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The region tree (区域树) one level at a time, each node with the counts beneath it: township units, 社区, 村,
 * households and special households. Opening one level at a time keeps it fast for a whole province.
 */
@Repository
class RegionTree {

    /** A node and what lies beneath it. */
    record Node(
            long id,
            @Nullable Long parentId,
            String code,
            String name,
            RegionLevel level,
            @Nullable RegionKind kind,
            long townships,
            long communities,
            long villages,
            long households,
            long specialHouseholds) {

        public long localities() {
            return communities + villages;
        }
    }

    private static final String NODE = """
            select n.id, n.parent_id, n.code, n.name, n.level, n.kind,
              (select count(*) from organization.region d where d.path like n.path || '%' and d.level = 'TOWNSHIP') as townships,
              (select count(*) from organization.region d where d.path like n.path || '%' and d.kind = 'COMMUNITY') as communities,
              (select count(*) from organization.region d where d.path like n.path || '%' and d.kind = 'VILLAGE') as villages,
              (select count(*) from organization.household h join organization.region d on d.id = h.locality_id
                 where d.path like n.path || '%') as households,
              (select count(*) from organization.household h join organization.region d on d.id = h.locality_id
                 where d.path like n.path || '%' and (h.five_guarantees or h.minimum_living or h.dilapidated_housing))
                 as special_households
            from organization.region n
            """;

    private final JdbcClient jdbc;

    RegionTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tops of the caller's scope: for office staff their district, for a township liaison their township. */
    List<Node> roots(RegionScope scope) {
        return jdbc.sql(NODE + " where n.id in (:scopeIds) order by n.code")
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(Node.class)
                .list();
    }

    Optional<Node> node(long id, RegionScope scope) {
        return jdbc.sql(NODE + " where n.id = :id and " + ScopeFilter.within("n"))
                .param("id", id)
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(Node.class)
                .optional();
    }

    List<Node> children(long id, RegionScope scope) {
        return jdbc.sql(NODE + " where n.parent_id = :id and " + ScopeFilter.within("n") + " order by n.code")
                .param("id", id)
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(Node.class)
                .list();
    }

    /** The ancestors of a node that the caller may also see, from the top down, for the breadcrumb. */
    List<RegionSummary> pathTo(long id, RegionScope scope) {
        return jdbc.sql("""
                        select a.id, a.parent_id, a.code, a.name, a.level, a.kind, a.path
                        from organization.region n join organization.region a on n.path like a.path || '%' and a.id <> n.id
                        where n.id = :id
                        """ + " and " + ScopeFilter.within("a") + " order by length(a.path)")
                .param("id", id)
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(RegionSummary.class)
                .list();
    }

    /** The township units within the scope, without counts, for filters. */
    List<RegionSummary> townships(RegionScope scope) {
        return jdbc.sql("select r.id, r.parent_id, r.code, r.name, r.level, r.kind, r.path from organization.region r"
                        + " where r.level = 'TOWNSHIP' and " + ScopeFilter.within("r") + " order by r.code")
                .param("scopeIds", ScopeFilter.ids(scope))
                .query(RegionSummary.class)
                .list();
    }
}
