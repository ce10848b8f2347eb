package org.xuncha.fieldwork;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.ActivityFigures;
import org.xuncha.planning.RoundActivity;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.Rounds;

/**
 * What the groups did in the field, for the round report (巡察情况报告): notices posted, talks in person-times and
 * households visited over all the round's 村居, counted from the records.
 */
@Component
class FieldworkActivity implements RoundActivity {

    private final FieldworkFigures figures;
    private final Rounds rounds;

    FieldworkActivity(FieldworkFigures figures, Rounds rounds) {
        this.figures = figures;
        this.rounds = rounds;
    }

    @Override
    @Transactional(readOnly = true)
    public ActivityFigures of(RoundId round) {
        FieldworkFigures.RoundFigures all = figures.of(round, rounds.allLocalities(round));
        return new ActivityFigures(
                Math.toIntExact(all.noticesPosted()),
                Math.toIntExact(all.personTimes()),
                Math.toIntExact(all.householdsVisited()),
                null);
    }
}
