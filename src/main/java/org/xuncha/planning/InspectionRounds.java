package org.xuncha.planning;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;
import org.xuncha.web.Paged;

/**
 * The rounds (轮次) with their township units, 村居 and history. A round is visible to a caller when one of its 村居
 * lies within the caller's scope; its 村居 are listed only as far as the scope reaches.
 */
@Repository
class InspectionRounds {

    /** Filters of the rounds list; every field optional. */
    record Filter(@Nullable Long termId, @Nullable RoundState state) {

        static Filter none() {
            return new Filter(null, null);
        }
    }

    /** The round has a 村居 within the scope (and, for a group member, of their group). */
    private static String visible(ScopePrefixes scope) {
        return "exists (select 1 from planning.round_locality v where v.round_id = r.id and "
                + scope.withinRoundIndexed("v") + ")";
    }

    private static final String COVERING_STATES = "('FIELDWORK_FINISHED', 'REPORTED', 'FEEDBACK_GIVEN', 'CLOSED')";
    private static final String OPEN_STATES = "('PLANNED', 'APPROVED', 'IN_FIELD')";

    private final JdbcClient jdbc;

    InspectionRounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('planning.round', 'id'))")
                .query(Long.class)
                .single();
    }

    int nextNumber(long termId, RoundKind kind) {
        return jdbc.sql(
                        "select coalesce(max(number), 0) + 1 from planning.round where term_id = :term and kind = :kind")
                .param("term", termId)
                .param("kind", kind.name())
                .query(Integer.class)
                .single();
    }

    void insert(InspectionRound round) {
        jdbc.sql("""
                        insert into planning.round (id, term_id, kind, number, state, entry_date, exit_date, report_phone,
                            report_email, report_post_box)
                        values (:id, :term, :kind, :number, :state, :entry, :exit, :phone, :email, :postBox)
                        """)
                .param("id", round.id())
                .param("term", round.termId())
                .param("kind", round.kind().name())
                .param("number", round.number())
                .param("state", round.state().name())
                .param("entry", Date.valueOf(round.schedule().entryDate()))
                .param("exit", Date.valueOf(round.schedule().exitDate()))
                .param("phone", round.channels().phone())
                .param("email", round.channels().email())
                .param("postBox", round.channels().postBox())
                .update();
        int position = 0;
        for (InspectionRound.Township township : round.townships()) {
            jdbc.sql("""
                            insert into planning.round_township (round_id, township_id, position, name, path)
                            values (:round, :id, :position, :name, :path)
                            """)
                    .param("round", round.id())
                    .param("id", township.id())
                    .param("position", position++)
                    .param("name", township.name())
                    .param("path", township.path())
                    .update();
        }
        position = 0;
        for (RoundLocality locality : round.localities()) {
            jdbc.sql("""
                            insert into planning.round_locality (round_id, locality_id, position, code, name, kind,
                                township_id, township_name, path, intensity, planned_days)
                            values (:round, :id, :position, :code, :name, :kind, :township, :townshipName, :path,
                                :intensity, :days)
                            """)
                    .param("round", round.id())
                    .param("id", locality.localityId())
                    .param("position", position++)
                    .param("code", locality.code())
                    .param("name", locality.name())
                    .param("kind", locality.kind().name())
                    .param("township", locality.townshipId())
                    .param("townshipName", locality.townshipName())
                    .param("path", locality.path())
                    .param("intensity", locality.intensity().name())
                    .param("days", locality.plannedDays())
                    .update();
        }
        insertTransitions(round, 0);
    }

    /** Saves state, dates and channels and appends the new history, refusing a stale version. */
    void update(InspectionRound round) {
        int updated = jdbc.sql("""
                        update planning.round set state = :state, entry_date = :entry, exit_date = :exit,
                            report_phone = :phone, report_email = :email, report_post_box = :postBox, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("state", round.state().name())
                .param("entry", Date.valueOf(round.schedule().entryDate()))
                .param("exit", Date.valueOf(round.schedule().exitDate()))
                .param("phone", round.channels().phone())
                .param("email", round.channels().email())
                .param("postBox", round.channels().postBox())
                .param("id", round.id())
                .param("version", round.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("round " + round.id() + " changed since it was read");
        }
        round.stored();
        int stored = jdbc.sql("select count(*) from planning.round_transition where round_id = :id")
                .param("id", round.id())
                .query(Integer.class)
                .single();
        insertTransitions(round, stored);
    }

    private void insertTransitions(InspectionRound round, int from) {
        List<InspectionRound.Transition> transitions = round.transitions();
        for (InspectionRound.Transition t : transitions.subList(from, transitions.size())) {
            jdbc.sql("""
                            insert into planning.round_transition (round_id, from_state, to_state, actor, occurred_at)
                            values (:round, :from, :to, :actor, :at)
                            """)
                    .param("round", round.id())
                    .param("from", t.from() == null ? null : t.from().name())
                    .param("to", t.to().name())
                    .param("actor", t.by())
                    .param("at", Timestamp.from(t.at()))
                    .update();
        }
    }

    /** The whole round, when one of its 村居 lies within the scope. */
    Optional<InspectionRound> find(long id, ScopePrefixes scope) {
        return jdbc.sql("select r.* from planning.round r where r.id = :id and " + visible(scope))
                .param("id", id)
                .params(scope.params())
                .query((rs, n) -> rs.getLong("id"))
                .optional()
                .map(this::load);
    }

    /** The round's 村居 that lie within the scope, in the round's order. */
    List<RoundLocality> localities(long roundId, ScopePrefixes scope) {
        return jdbc.sql("select * from planning.round_locality v where v.round_id = :id and "
                        + scope.withinRoundIndexed("v") + " order by v.position")
                .param("id", roundId)
                .params(scope.params())
                .query(InspectionRounds::locality)
                .list();
    }

    Paged<RoundSummary> page(Filter filter, ScopePrefixes scope, int page, int size) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where ").append(visible(scope));
        if (filter.termId() != null) {
            where.append(" and r.term_id = :term");
            params.put("term", filter.termId());
        }
        if (filter.state() != null) {
            where.append(" and r.state = :state");
            params.put("state", filter.state().name());
        }
        long total = jdbc.sql("select count(*) from planning.round r" + where)
                .params(params)
                .query(Long.class)
                .single();
        Paged<RoundSummary> shape = new Paged<>(List.of(), page, size, total);
        params.put("limit", size);
        params.put("offset", shape.offset());
        return new Paged<>(
                summaries(where + " order by r.entry_date desc, r.id desc limit :limit offset :offset", params, scope),
                page,
                size,
                total);
    }

    /** A round's summary with the township units and 村居 the scope reaches, when it reaches one. */
    Optional<RoundSummary> summary(long id, ScopePrefixes scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return summaries(" where r.id = :id and " + visible(scope), params, scope).stream()
                .findFirst();
    }

    private List<RoundSummary> summaries(String whereAndOrder, Map<String, Object> params, ScopePrefixes scope) {
        return jdbc.sql("""
                        select r.id, r.term_id, t.name as term_name, r.kind, r.number, r.state, r.entry_date, r.exit_date,
                          (select string_agg(rt.name, ',' order by rt.position) from planning.round_township rt
                             where rt.round_id = r.id and exists (select 1 from planning.round_locality v
                               where v.round_id = r.id and v.township_id = rt.township_id and\s""" + scope.withinRoundIndexed("v") + """
                             )) as townships,
                          (select count(*) from planning.round_locality v where v.round_id = r.id and\s""" + scope.withinRoundIndexed("v") + """
                             ) as localities
                        from planning.round r join planning.term t on t.id = r.term_id
                        """ + whereAndOrder)
                .params(params)
                .query(InspectionRounds::summary)
                .list();
    }

    /** The 村居 (region ids) that a round of the term has covered: its fieldwork is finished. */
    Set<Long> coveredLocalities(long termId) {
        return new HashSet<>(jdbc.sql("select distinct rl.locality_id from planning.round_locality rl"
                        + " join planning.round r on r.id = rl.round_id where r.term_id = :term and r.state in "
                        + COVERING_STATES)
                .param("term", termId)
                .query(Long.class)
                .list());
    }

    /** Pilot and regular rounds of the term whose fieldwork is finished: the pace so far. */
    int finishedRounds(long termId) {
        return jdbc.sql("select count(*) from planning.round where term_id = :term and kind in ('PILOT', 'REGULAR')"
                        + " and state in " + COVERING_STATES)
                .param("term", termId)
                .query(Integer.class)
                .single();
    }

    /** For each of the given 村居 that an unfinished round has taken: that round's kind and number. */
    Map<Long, RoundSummary> openRoundsOf(Collection<Long> localityIds, long termId) {
        if (localityIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, RoundSummary> open = new HashMap<>();
        jdbc.sql("""
                        select rl.locality_id, r.id, r.term_id, t.name as term_name, r.kind, r.number, r.state,
                          r.entry_date, r.exit_date, '' as townships, 0 as localities
                        from planning.round_locality rl join planning.round r on r.id = rl.round_id
                          join planning.term t on t.id = r.term_id
                        where rl.locality_id in (:ids) and r.term_id = :term and r.state in """ + OPEN_STATES)
                .param("ids", localityIds)
                .param("term", termId)
                .query(rs -> {
                    open.put(rs.getLong("locality_id"), summary(rs, 0));
                });
        return open;
    }

    private InspectionRound load(long id) {
        List<InspectionRound.Township> townships = jdbc.sql(
                        "select township_id, name, path from planning.round_township where round_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new InspectionRound.Township(
                        rs.getLong("township_id"), rs.getString("name"), rs.getString("path")))
                .list();
        List<RoundLocality> localities = jdbc.sql(
                        "select * from planning.round_locality where round_id = :id order by position")
                .param("id", id)
                .query(InspectionRounds::locality)
                .list();
        List<InspectionRound.Transition> transitions = jdbc.sql(
                        "select from_state, to_state, actor, occurred_at from planning.round_transition where round_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new InspectionRound.Transition(
                        rs.getString("from_state") == null ? null : RoundState.valueOf(rs.getString("from_state")),
                        RoundState.valueOf(rs.getString("to_state")),
                        rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
        return jdbc.sql("select * from planning.round where id = :id")
                .param("id", id)
                .query((rs, n) -> new InspectionRound(
                        rs.getLong("id"),
                        rs.getLong("term_id"),
                        RoundKind.valueOf(rs.getString("kind")),
                        rs.getInt("number"),
                        RoundState.valueOf(rs.getString("state")),
                        new InspectionRound.Schedule(
                                rs.getDate("entry_date").toLocalDate(),
                                rs.getDate("exit_date").toLocalDate()),
                        new InspectionRound.Channels(
                                rs.getString("report_phone"),
                                rs.getString("report_email"),
                                rs.getString("report_post_box")),
                        townships,
                        localities,
                        transitions,
                        rs.getInt("version")))
                .single();
    }

    private static RoundLocality locality(ResultSet rs, int row) throws SQLException {
        return new RoundLocality(
                rs.getLong("locality_id"),
                rs.getString("code"),
                rs.getString("name"),
                RegionKind.valueOf(rs.getString("kind")),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("path"),
                Intensity.valueOf(rs.getString("intensity")),
                rs.getInt("planned_days"));
    }

    private static RoundSummary summary(ResultSet rs, int row) throws SQLException {
        String townships = rs.getString("townships");
        return new RoundSummary(
                new RoundId(rs.getLong("id")),
                new TermId(rs.getLong("term_id")),
                rs.getString("term_name"),
                RoundKind.valueOf(rs.getString("kind")),
                rs.getInt("number"),
                RoundState.valueOf(rs.getString("state")),
                rs.getDate("entry_date").toLocalDate(),
                rs.getDate("exit_date").toLocalDate(),
                townships == null || townships.isEmpty() ? List.of() : Arrays.asList(townships.split(",")),
                rs.getInt("localities"));
    }
}
