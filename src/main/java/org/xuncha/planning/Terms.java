package org.xuncha.planning;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The terms (届) of the districts, always read within a scope. */
@Repository
class Terms {

    private static final String COLUMNS =
            "id, district_id, district_name, district_path, name, starts_on, ends_on, goal, version";

    private final JdbcClient jdbc;

    Terms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('planning.term', 'id'))")
                .query(Long.class)
                .single();
    }

    void insert(Term term) {
        jdbc.sql("""
                        insert into planning.term (id, district_id, district_name, district_path, name, starts_on, ends_on, goal)
                        values (:id, :districtId, :districtName, :districtPath, :name, :startsOn, :endsOn, :goal)
                        """)
                .param("id", term.id())
                .param("districtId", term.districtId())
                .param("districtName", term.districtName())
                .param("districtPath", term.districtPath())
                .param("name", term.name())
                .param("startsOn", Date.valueOf(term.startsOn()))
                .param("endsOn", Date.valueOf(term.endsOn()))
                .param("goal", term.goal())
                .update();
    }

    Optional<Term> find(long id, ScopePrefixes scope) {
        return jdbc.sql("select " + COLUMNS + " from planning.term where id = :id and "
                        + ScopePrefixes.within("district_path"))
                .param("id", id)
                .param("scopePrefixes", scope.patterns())
                .query(Terms::map)
                .optional();
    }

    /** A term by id without scope: only for the term of a round the caller was already allowed to see. */
    Term get(long id) {
        return jdbc.sql("select " + COLUMNS + " from planning.term where id = :id")
                .param("id", id)
                .query(Terms::map)
                .single();
    }

    /** The terms within the scope, the latest first. */
    List<Term> all(ScopePrefixes scope) {
        return jdbc.sql("select " + COLUMNS + " from planning.term where " + ScopePrefixes.within("district_path")
                        + " order by starts_on desc, id desc")
                .param("scopePrefixes", scope.patterns())
                .query(Terms::map)
                .list();
    }

    boolean existsForDistrict(long districtId) {
        return jdbc.sql("select exists (select 1 from planning.term where district_id = :id)")
                .param("id", districtId)
                .query(Boolean.class)
                .single();
    }

    private static Term map(ResultSet rs, int row) throws SQLException {
        return new Term(
                rs.getLong("id"),
                rs.getLong("district_id"),
                rs.getString("district_name"),
                rs.getString("district_path"),
                rs.getString("name"),
                rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(),
                rs.getString("goal"),
                rs.getInt("version"));
    }
}
