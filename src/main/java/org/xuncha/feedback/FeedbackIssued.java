package org.xuncha.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.xuncha.planning.RoundId;

/**
 * 反馈已发出: the office issued a township's problem list for a round; every problem on it is to be rectified by the
 * township and its 村居, with the rectification report due on {@code reportDue}. Carries no reporter identity.
 */
public record FeedbackIssued(
        long feedbackId,
        RoundId roundId,
        long townshipId,
        String townshipName,
        LocalDate issuedOn,
        LocalDate reportDue,
        List<ListedProblem> problems,
        String by,
        Instant at) {

    public FeedbackIssued {
        problems = List.copyOf(problems);
    }
}
