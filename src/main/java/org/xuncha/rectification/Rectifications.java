package org.xuncha.rectification;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * Rectification as other modules read it (revisits, statistics): per 村居 and per township and category, always within
 * the caller's region scope.
 */
@Service
public class Rectifications {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;

    Rectifications(JdbcClient jdbc, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** Each 村居 with rectification tasks within the scope, per round, in path order. */
    @Transactional(readOnly = true)
    public List<LocalityRecord> localities(RegionScope scope) {
        return localities(TaskScope.of(scope, regions));
    }

    List<LocalityRecord> localities(TaskScope scope) {
        return jdbc.sql("""
                        select t.round_id, t.locality_id, t.locality_name, t.township_id, t.township_name,
                            t.locality_path, count(*) as problems,
                            count(*) filter (where t.state = 'CLOSED_OUT') as closed_out,
                            count(*) filter (where t.returns > 0) as returned_tasks,
                            count(*) filter (where t.petition_id is not null) as mass_raised
                        from rectification.task t where\s""" + TaskScope.within("t.locality_path", "t.township_id") + """
                         group by t.round_id, t.locality_id, t.locality_name, t.township_id, t.township_name,
                            t.locality_path
                        order by t.locality_path, t.round_id""")
                .params(scope.params())
                .query(LocalityRecord.class)
                .list();
    }

    /** Figures per township and category within the scope, optionally of one round. */
    @Transactional(readOnly = true)
    public List<TownshipFigures> figures(RegionScope scope, @org.jspecify.annotations.Nullable Long roundId) {
        return figures(TaskScope.of(scope, regions), roundId);
    }

    List<TownshipFigures> figures(TaskScope scope, @org.jspecify.annotations.Nullable Long roundId) {
        return jdbc.sql("""
                        select t.township_id, t.township_name, t.category, count(*) as total,
                            count(*) filter (where t.state <> 'CLOSED_OUT') as open,
                            count(*) filter (where t.state <> 'CLOSED_OUT' and t.deadline < :today) as overdue,
                            count(*) filter (where t.state = 'CLOSED_OUT') as closed_out,
                            count(*) filter (where t.returns > 0) as returned,
                            count(*) filter (where t.returns > 1) as recurring,
                            count(*) filter (where t.state = 'CLOSED_OUT' and t.closed_on <= t.deadline) as closed_on_time,
                            count(distinct t.locality_id) as localities
                        from rectification.task t
                        where (cast(:round as bigint) is null or t.round_id = :round) and\s"""
                        + TaskScope.within("t.locality_path", "t.township_id")
                        + " group by t.township_id, t.township_name, t.category order by t.township_name, t.category")
                .params(scope.params())
                .param("today", Date.valueOf(LocalDate.now(clock)))
                .param("round", roundId)
                .query(TownshipFigures.class)
                .list();
    }
}
