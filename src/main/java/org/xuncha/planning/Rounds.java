package org.xuncha.planning;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * Rounds (轮次) as other modules use them: a round's summary and its 村居, both bounded by the caller's scope (a round
 * outside the scope is not found; of a round in scope only the 村居 within the scope are listed).
 */
@Service
public class Rounds {

    private final InspectionRounds rounds;
    private final Regions regions;

    Rounds(InspectionRounds rounds, Regions regions) {
        this.rounds = rounds;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    public Optional<RoundSummary> find(RoundId id, RegionScope scope) {
        return rounds.summary(id.value(), ScopePrefixes.of(scope, regions));
    }

    /** The round's 村居 within the scope, township by township, each with its intensity and planned days. */
    @Transactional(readOnly = true)
    public List<RoundLocality> localities(RoundId id, RegionScope scope) {
        return rounds.localities(id.value(), ScopePrefixes.of(scope, regions));
    }
}
