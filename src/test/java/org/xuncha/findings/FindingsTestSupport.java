package org.xuncha.findings;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.planning.RoundId;

/** Waits for the demo's pilot round and its findings, made asynchronously after the demo district is loaded. */
final class FindingsTestSupport {

    private FindingsTestSupport() {}

    static RoundId awaitDemo(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from findings.lead")
                                .query(Long.class)
                                .single()
                        > 0);
        return new RoundId(jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single());
    }

    /** The 村居 of the round that the inspector's groups serve in, in id order. */
    static List<Long> localitiesOf(JdbcClient jdbc, long inspector, RoundId round) {
        return jdbc.sql("""
                        select gl.locality_id from planning.group_locality gl
                        join planning.group_member gm on gm.group_id = gl.group_id
                        where gm.inspector_id = :member and gl.round_id = :round order by gl.locality_id
                        """)
                .param("member", inspector)
                .param("round", round.value())
                .query(Long.class)
                .list();
    }

    /** The first 村居 of the round (by id) that is not among the given ones. */
    static long anotherLocality(JdbcClient jdbc, RoundId round, List<Long> own) {
        return jdbc.sql("""
                        select locality_id from planning.round_locality where round_id = :round
                          and locality_id not in (:own) order by locality_id limit 1
                        """)
                .param("round", round.value())
                .param("own", own)
                .query(Long.class)
                .single();
    }
}
