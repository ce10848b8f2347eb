package org.xuncha.planning;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The focus checklists (巡察重点清单) of the districts, read within a scope. */
@Repository
class FocusItems {

    private final JdbcClient jdbc;

    FocusItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The checklist of the districts within the scope, in the office's order. */
    List<FocusItem> inScope(ScopePrefixes scope) {
        return jdbc.sql("select * from planning.focus_item where " + ScopePrefixes.within("district_path")
                        + " order by district_id, position, id")
                .param("scopePrefixes", scope.patterns())
                .query(FocusItems::map)
                .list();
    }

    /** The active points of a district, for its work plans. */
    List<FocusItem> active(long districtId) {
        return jdbc.sql(
                        "select * from planning.focus_item where district_id = :district and active order by position, id")
                .param("district", districtId)
                .query(FocusItems::map)
                .list();
    }

    Optional<FocusItem> find(long id, ScopePrefixes scope) {
        return jdbc.sql("select * from planning.focus_item where id = :id and " + ScopePrefixes.within("district_path"))
                .param("id", id)
                .param("scopePrefixes", scope.patterns())
                .query(FocusItems::map)
                .optional();
    }

    boolean existFor(long districtId) {
        return jdbc.sql("select exists (select 1 from planning.focus_item where district_id = :district)")
                .param("district", districtId)
                .query(Boolean.class)
                .single();
    }

    /** Appends a point at the end of the district's list. */
    long append(long districtId, String districtPath, String title, @Nullable String description) {
        return jdbc.sql("""
                        insert into planning.focus_item (district_id, district_path, position, title, description)
                        values (:district, :path, (select coalesce(max(position), 0) + 1 from planning.focus_item
                            where district_id = :district), :title, :description)
                        returning id
                        """)
                .param("district", districtId)
                .param("path", districtPath)
                .param("title", title)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    void update(FocusItem item) {
        int updated = jdbc.sql("""
                        update planning.focus_item set title = :title, description = :description, active = :active,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("title", item.title())
                .param("description", item.description())
                .param("active", item.active())
                .param("id", item.id())
                .param("version", item.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("focus item " + item.id() + " changed since it was read");
        }
    }

    /** Swaps the item with its neighbour above (up) or below in the district's order; no-op at either end. */
    void move(FocusItem item, boolean up) {
        Optional<FocusItem> neighbour = jdbc.sql("select * from planning.focus_item where district_id = :district and "
                        + (up
                                ? "position < :position order by position desc"
                                : "position > :position order by position")
                        + " limit 1")
                .param("district", item.districtId())
                .param("position", item.position())
                .query(FocusItems::map)
                .optional();
        if (neighbour.isEmpty()) {
            return;
        }
        int updated = jdbc.sql("update planning.focus_item set position = :position, version = version + 1"
                        + " where id = :id and version = :version")
                .param("position", neighbour.get().position())
                .param("id", item.id())
                .param("version", item.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("focus item " + item.id() + " changed since it was read");
        }
        jdbc.sql("update planning.focus_item set position = :position, version = version + 1 where id = :id")
                .param("position", item.position())
                .param("id", neighbour.get().id())
                .update();
    }

    private static FocusItem map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new FocusItem(
                rs.getLong("id"),
                rs.getLong("district_id"),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
