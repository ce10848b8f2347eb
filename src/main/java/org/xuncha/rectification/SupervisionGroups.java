package org.xuncha.rectification;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision groups (督导组) with their members and townships, the office's indicators (督导评价指标) and the groups'
 * visits (督导检查) with their scores.
 */
@Repository
class SupervisionGroups {

    /** A group as listed. */
    record Group(long id, String name, List<String> members, List<Township> townships) {}

    record Township(long id, String name, String path) {}

    record Indicator(long id, int position, String name, boolean active) {}

    /** A visit as listed, with its average score (好 100, 较好 80, 一般 60, 差 0) over the indicators graded. */
    record Visit(
            long id,
            String groupName,
            String townshipName,
            LocalDate visitedOn,
            String localities,
            String opinions,
            int tasksChecked,
            @Nullable Double score,
            String recordedBy) {}

    private final JdbcClient jdbc;

    SupervisionGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Group> all() {
        return jdbc
                .sql("select id, name from rectification.supervision_group order by id")
                .query((rs, i) -> new Group(rs.getLong("id"), rs.getString("name"), List.of(), List.of()))
                .list()
                .stream()
                .map(g -> new Group(g.id(), g.name(), members(g.id()), townships(g.id())))
                .toList();
    }

    /** The groups the user is a member of. */
    List<Group> ofMember(String username) {
        return all().stream().filter(g -> g.members().contains(username)).toList();
    }

    List<String> members(long groupId) {
        return jdbc.sql("select username from rectification.supervision_member where group_id = :g order by username")
                .param("g", groupId)
                .query(String.class)
                .list();
    }

    List<Township> townships(long groupId) {
        return jdbc.sql("select township_id, township_name, township_path from rectification.supervision_township"
                        + " where group_id = :g order by township_path")
                .param("g", groupId)
                .query((rs, i) -> new Township(
                        rs.getLong("township_id"), rs.getString("township_name"), rs.getString("township_path")))
                .list();
    }

    /** Members of every group assigned to the township. */
    List<String> membersFor(long townshipId) {
        return jdbc.sql("""
                        select distinct sm.username from rectification.supervision_member sm
                        join rectification.supervision_township st on st.group_id = sm.group_id
                        where st.township_id = :t order by sm.username
                        """).param("t", townshipId).query(String.class).list();
    }

    boolean exists(String name) {
        return jdbc.sql("select count(*) from rectification.supervision_group where name = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long create(String name, List<String> members, List<Township> townships) {
        long id = jdbc.sql("insert into rectification.supervision_group (name) values (:n) returning id")
                .param("n", name)
                .query(Long.class)
                .single();
        assign(id, members, townships);
        return id;
    }

    void replace(long id, List<String> members, List<Township> townships) {
        jdbc.sql("delete from rectification.supervision_member where group_id = :g")
                .param("g", id)
                .update();
        jdbc.sql("delete from rectification.supervision_township where group_id = :g")
                .param("g", id)
                .update();
        assign(id, members, townships);
    }

    private void assign(long id, List<String> members, List<Township> townships) {
        for (String member : members) {
            jdbc.sql("insert into rectification.supervision_member (group_id, username) values (:g, :u)"
                            + " on conflict do nothing")
                    .param("g", id)
                    .param("u", member)
                    .update();
        }
        for (Township t : townships) {
            jdbc.sql("insert into rectification.supervision_township (group_id, township_id, township_name,"
                            + " township_path) values (:g, :t, :n, :p) on conflict do nothing")
                    .param("g", id)
                    .param("t", t.id())
                    .param("n", t.name())
                    .param("p", t.path())
                    .update();
        }
    }

    List<Indicator> indicators(boolean activeOnly) {
        return jdbc.sql("select * from rectification.indicator" + (activeOnly ? " where active" : "")
                        + " order by position, id")
                .query((rs, i) -> new Indicator(
                        rs.getLong("id"), rs.getInt("position"), rs.getString("name"), rs.getBoolean("active")))
                .list();
    }

    void addIndicator(String name) {
        jdbc.sql("insert into rectification.indicator (position, name) values ("
                        + "(select coalesce(max(position), 0) + 1 from rectification.indicator), :n)")
                .param("n", name)
                .update();
    }

    void setIndicatorActive(long id, boolean active) {
        jdbc.sql("update rectification.indicator set active = :a where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
    }

    long recordVisit(
            long groupId,
            Township township,
            LocalDate visitedOn,
            String localities,
            String opinions,
            List<Long> taskIds,
            Map<Long, Grade> scores,
            String by,
            Instant at) {
        long id = jdbc.sql("""
                        insert into rectification.supervision_visit (group_id, township_id, township_name,
                            township_path, visited_on, localities, opinions, recorded_by, recorded_at)
                        values (:g, :t, :tn, :tp, :on, :loc, :op, :by, :at) returning id
                        """)
                .param("g", groupId)
                .param("t", township.id())
                .param("tn", township.name())
                .param("tp", township.path())
                .param("on", Date.valueOf(visitedOn))
                .param("loc", localities)
                .param("op", opinions)
                .param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .single();
        for (Long task : taskIds) {
            jdbc.sql("insert into rectification.visit_task (visit_id, task_id) values (:v, :t) on conflict do nothing")
                    .param("v", id)
                    .param("t", task)
                    .update();
        }
        scores.forEach((indicator, grade) -> jdbc.sql(
                        "insert into rectification.visit_score (visit_id, indicator_id, grade) values (:v, :i, :g)")
                .param("v", id)
                .param("i", indicator)
                .param("g", grade.name())
                .update());
        return id;
    }

    List<Visit> visits(TaskScope scope) {
        return jdbc.sql("""
                        select v.*, g.name as group_name,
                            (select count(*) from rectification.visit_task vt where vt.visit_id = v.id) as tasks,
                            (select avg(case s.grade when 'GOOD' then 100 when 'FAIRLY_GOOD' then 80
                                when 'AVERAGE' then 60 else 0 end) from rectification.visit_score s
                                where s.visit_id = v.id) as score
                        from rectification.supervision_visit v
                        join rectification.supervision_group g on g.id = v.group_id
                        where\s""" + TaskScope.within("v.township_path", "v.township_id")
                        + " order by v.visited_on desc, v.id desc")
                .params(scope.params())
                .query((rs, i) -> {
                    double score = rs.getDouble("score");
                    return new Visit(
                            rs.getLong("id"),
                            rs.getString("group_name"),
                            rs.getString("township_name"),
                            rs.getDate("visited_on").toLocalDate(),
                            rs.getString("localities"),
                            rs.getString("opinions"),
                            rs.getInt("tasks"),
                            rs.wasNull() ? null : score,
                            rs.getString("recorded_by"));
                })
                .list();
    }
}
