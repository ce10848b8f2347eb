package org.xuncha.findings;

import java.time.Duration;
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
}
