package org.xuncha.feedback;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;

/**
 * Feedback as a demo generator gives it (反馈生成): the round's feedback lists generated from its approved findings,
 * the feedback meeting (反馈会) recorded and the lists issued to every township, each publishing {@link FeedbackIssued} (from which rectification opens its tasks),
 * through {@link FeedbackIssuing} with its rules. For generators outside feedback (the {@code demo} module), not for
 * people.
 */
@Component
public class FeedbackSeeding {

    private final FeedbackIssuing issuing;
    private final FeedbackLists lists;
    private final java.time.Clock clock;

    FeedbackSeeding(FeedbackIssuing issuing, FeedbackLists lists, java.time.Clock clock) {
        this.issuing = issuing;
        this.lists = lists;
        this.clock = clock;
    }

    /**
     * Generates and issues the feedback list of every township of the round at the given time, with {@code months} for
     * the rectification report; returns how many were issued.
     */
    @Transactional
    public int issueAll(RoundSummary round, List<RoundLocality> localities, int months, Instant at) {
        issuing.generate(round, localities, months, "office", at);
        int issued = 0;
        for (long township :
                localities.stream().map(RoundLocality::townshipId).distinct().toList()) {
            FeedbackList list = lists.find(round.id(), township).orElseThrow();
            if (!list.issued()) {
                issuing.recordMeeting(
                        list,
                        round,
                        new FeedbackList.Meeting(
                                at.atZone(clock.getZone()).toLocalDate(),
                                list.townshipName() + "党委会议室",
                                "乡镇党委班子成员，被巡察村居党组织书记，巡察组全体成员"),
                        list.version());
                list = lists.find(round.id(), township).orElseThrow();
                issuing.issue(list, round, list.version(), "office", at);
                issued++;
            }
        }
        return issued;
    }
}
