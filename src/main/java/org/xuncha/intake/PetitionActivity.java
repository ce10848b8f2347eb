package org.xuncha.intake;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.ActivityFigures;
import org.xuncha.planning.RoundActivity;
import org.xuncha.planning.RoundId;

/** The petitions a round received (受理信访举报), for the round report, counted from the records. */
@Component
class PetitionActivity implements RoundActivity {

    private final PetitionRecords records;

    PetitionActivity(PetitionRecords records) {
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public ActivityFigures of(RoundId round) {
        long petitions = records.page(new PetitionRecords.Filter(round, null, false), Scope.everything(), 0, 1)
                .total();
        return new ActivityFigures(null, null, null, Math.toIntExact(petitions));
    }
}
