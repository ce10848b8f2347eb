package org.xuncha.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPair;
import org.xuncha.inspectors.PreviousPlacement;

/** The groups (巡察组) of the rounds with their people and 村居; a round's roster is saved as a whole. */
@Repository
class InspectionGroups {

    /** A round a person served in (任期履历): the round, the group, the role and the group's 村居. */
    record Service(
            long roundId,
            String termName,
            RoundKind kind,
            int number,
            RoundState state,
            java.time.LocalDate entryDate,
            String groupName,
            GroupRole role,
            String localities) {

        public String label() {
            return InspectionRound.label(kind, number);
        }
    }

    private final JdbcClient jdbc;

    InspectionGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The round's roster; for a group member (scope limited to a group) only the groups they serve in. */
    RoundRoster ofRound(long roundId, ScopePrefixes scope) {
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                        select g.id, g.number, g.name from planning.inspection_group g where g.round_id = :round
                          and (:groupInspector < 0 or exists (select 1 from planning.group_member m
                               where m.group_id = g.id and m.inspector_id = :groupInspector))
                        order by g.number
                        """)
                .param("round", roundId)
                .param("groupInspector", scope.groupInspector())
                .query(rs -> {
                    numbers.put(rs.getLong("id"), rs.getInt("number"));
                    names.put(rs.getInt("number"), rs.getString("name"));
                });
        if (numbers.isEmpty()) {
            return RoundRoster.empty();
        }
        Map<Long, List<RoundRoster.Member>> members = new LinkedHashMap<>();
        jdbc.sql("select * from planning.group_member where group_id in (:ids) order by group_id, position")
                .param("ids", numbers.keySet())
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong("group_id"), k -> new ArrayList<>())
                            .add(new RoundRoster.Member(
                                    new InspectorId(rs.getLong("inspector_id")),
                                    rs.getString("name"),
                                    GroupRole.valueOf(rs.getString("role")),
                                    rs.getString("responsibility"),
                                    rs.getString("reasons") == null ? "" : rs.getString("reasons")));
                });
        Map<Long, List<Long>> localities = new LinkedHashMap<>();
        jdbc.sql("""
                        select gl.group_id, gl.locality_id from planning.group_locality gl
                        join planning.round_locality rl on rl.round_id = gl.round_id and rl.locality_id = gl.locality_id
                        where gl.group_id in (:ids) order by rl.position
                        """).param("ids", numbers.keySet()).query(rs -> {
            localities
                    .computeIfAbsent(rs.getLong("group_id"), k -> new ArrayList<>())
                    .add(rs.getLong("locality_id"));
        });
        List<RoundRoster.Group> groups = new ArrayList<>();
        numbers.forEach((id, number) -> groups.add(new RoundRoster.Group(
                number,
                names.get(number),
                members.getOrDefault(id, List.of()),
                localities.getOrDefault(id, List.of()))));
        return new RoundRoster(groups);
    }

    /** Replaces the round's groups by the roster. */
    void save(long roundId, RoundRoster roster) {
        jdbc.sql("delete from planning.inspection_group where round_id = :round")
                .param("round", roundId)
                .update();
        for (RoundRoster.Group group : roster.groups()) {
            long id = jdbc.sql("""
                            insert into planning.inspection_group (round_id, number, name) values (:round, :number, :name)
                            returning id
                            """)
                    .param("round", roundId)
                    .param("number", group.number())
                    .param("name", group.name())
                    .query(Long.class)
                    .single();
            int position = 0;
            for (RoundRoster.Member m : group.members()) {
                jdbc.sql("""
                                insert into planning.group_member (group_id, round_id, inspector_id, position, name, role,
                                    responsibility, reasons)
                                values (:group, :round, :inspector, :position, :name, :role, :responsibility, :reasons)
                                """)
                        .param("group", id)
                        .param("round", roundId)
                        .param("inspector", m.inspector().value())
                        .param("position", position++)
                        .param("name", m.name())
                        .param("role", m.role().name())
                        .param("responsibility", m.responsibility())
                        .param("reasons", m.reasons())
                        .update();
            }
            for (long locality : group.localityIds()) {
                jdbc.sql("""
                                insert into planning.group_locality (group_id, round_id, locality_id)
                                values (:group, :round, :locality)
                                """)
                        .param("group", id)
                        .param("round", roundId)
                        .param("locality", locality)
                        .update();
            }
        }
    }

    /** Who served where in the term's round entered last before {@code round}, for the rotation rule. */
    List<PreviousPlacement> previousRound(InspectionRound round) {
        return jdbc.sql("""
                        select gm.inspector_id, rl.township_id, gm.role from planning.group_member gm
                        join planning.group_locality gl on gl.group_id = gm.group_id
                        join planning.round_locality rl on rl.round_id = gl.round_id and rl.locality_id = gl.locality_id
                        where gm.round_id = (select p.id from planning.round p where p.term_id = :term and p.id <> :round
                                               and p.entry_date <= :entry order by p.entry_date desc, p.id desc limit 1)
                        group by gm.inspector_id, rl.township_id, gm.role
                        """)
                .param("term", round.termId())
                .param("round", round.id())
                .param("entry", java.sql.Date.valueOf(round.schedule().entryDate()))
                .query((rs, n) -> new PreviousPlacement(
                        new InspectorId(rs.getLong(1)), rs.getLong(2), GroupRole.valueOf(rs.getString(3))))
                .list();
    }

    /** How many other rounds of the term each person served in (load). */
    Map<InspectorId, Integer> load(InspectionRound round) {
        Map<InspectorId, Integer> load = new LinkedHashMap<>();
        jdbc.sql("""
                        select gm.inspector_id, count(distinct gm.round_id) from planning.group_member gm
                        join planning.round r on r.id = gm.round_id where r.term_id = :term and r.id <> :round
                        group by gm.inspector_id
                        """).param("term", round.termId()).param("round", round.id()).query(rs -> {
            load.put(new InspectorId(rs.getLong(1)), rs.getInt(2));
        });
        return load;
    }

    /** How often two people served in the same group in the term's other rounds. */
    Map<InspectorPair, Integer> pairs(InspectionRound round) {
        Map<InspectorPair, Integer> pairs = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.inspector_id, b.inspector_id, count(*) from planning.group_member a
                        join planning.group_member b on b.group_id = a.group_id and b.inspector_id > a.inspector_id
                        join planning.round r on r.id = a.round_id where r.term_id = :term and r.id <> :round
                        group by a.inspector_id, b.inspector_id
                        """).param("term", round.termId()).param("round", round.id()).query(rs -> {
            pairs.put(new InspectorPair(new InspectorId(rs.getLong(1)), new InspectorId(rs.getLong(2))), rs.getInt(3));
        });
        return pairs;
    }

    /** The rounds, groups, roles and 村居 a person served in, latest first. */
    List<Service> history(InspectorId inspector, ScopePrefixes scope) {
        return jdbc.sql("""
                        select r.id, t.name as term_name, r.kind, r.number, r.state, r.entry_date, g.name as group_name,
                          gm.role,
                          (select string_agg(rl.name, '、' order by rl.position) from planning.group_locality gl
                             join planning.round_locality rl on rl.round_id = gl.round_id and rl.locality_id = gl.locality_id
                             where gl.group_id = g.id) as localities
                        from planning.group_member gm
                        join planning.inspection_group g on g.id = gm.group_id
                        join planning.round r on r.id = g.round_id
                        join planning.term t on t.id = r.term_id
                        where gm.inspector_id = :inspector and exists (select 1 from planning.round_locality v
                          where v.round_id = r.id and\s""" + ScopePrefixes.within("v.path") + """
                        )
                        order by r.entry_date desc, r.id desc
                        """)
                .param("inspector", inspector.value())
                .param("scopePrefixes", scope.patterns())
                .query((rs, n) -> new Service(
                        rs.getLong("id"),
                        rs.getString("term_name"),
                        RoundKind.valueOf(rs.getString("kind")),
                        rs.getInt("number"),
                        RoundState.valueOf(rs.getString("state")),
                        rs.getDate("entry_date").toLocalDate(),
                        rs.getString("group_name"),
                        GroupRole.valueOf(rs.getString("role")),
                        rs.getString("localities") == null ? "" : rs.getString("localities")))
                .list();
    }
}
