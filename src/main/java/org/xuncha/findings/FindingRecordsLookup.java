package org.xuncha.findings;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a petition already became, so a redelivered event records nothing twice. */
@Component
class FindingRecordsLookup {

    private final JdbcClient jdbc;

    FindingRecordsLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> findingOfPetition(long petitionId) {
        return jdbc.sql("select id from findings.finding where petition_id = :p")
                .param("p", petitionId)
                .query(Long.class)
                .optional();
    }

    Optional<Long> leadOfPetition(long petitionId) {
        return jdbc.sql("select id from findings.lead where petition_id = :p")
                .param("p", petitionId)
                .query(Long.class)
                .optional();
    }
}
