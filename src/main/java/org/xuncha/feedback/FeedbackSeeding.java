package org.xuncha.feedback;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;

/**
 * Feedback as a demo generator gives it (反馈生成): the round's feedback lists generated from its approved findings
 * and issued to every township, each publishing {@link FeedbackIssued} (from which rectification opens its tasks),
 * through {@link FeedbackIssuing} with its rules. For generators outside feedback (the {@code demo} module), not for
 * people.
 */
@Component
public class FeedbackSeeding {

    private final FeedbackIssuing issuing;
    private final FeedbackLists lists;

    FeedbackSeeding(FeedbackIssuing issuing, FeedbackLists lists) {
        this.issuing = issuing;
        this.lists = lists;
    }

    /** Generates and issues the feedback list of every township of the round at the given time; returns how many. */
    @Transactional
    public int issueAll(RoundSummary round, List<RoundLocality> localities, Instant at) {
        issuing.generate(round, localities, issuing.defaultMonths(), "office", at);
        int issued = 0;
        for (long township :
                localities.stream().map(RoundLocality::townshipId).distinct().toList()) {
            FeedbackList list = lists.find(round.id(), township).orElseThrow();
            if (!list.issued()) {
                issuing.issue(list, round, list.version(), "office", at);
                issued++;
            }
        }
        return issued;
    }
}
