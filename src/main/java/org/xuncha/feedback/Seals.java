package org.xuncha.feedback;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.SealedRounds;

/**
 * Whether a round's dossier is sealed (案卷已封存): once the round report is finalized, the round's findings, feedback
 * lists, report and documents are hash-sealed and no module may change them. Modules that edit a round's records
 * (findings, feedback) ask before every change and refuse when sealed; modules feedback depends on (findings) ask
 * through planning's {@link SealedRounds}, which this implements.
 */
@Service
public class Seals implements SealedRounds {

    private final JdbcClient jdbc;

    Seals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isSealed(RoundId round) {
        return jdbc.sql("select exists (select 1 from feedback.seal where round_id = :round)")
                .param("round", round.value())
                .query(Boolean.class)
                .single();
    }
}
