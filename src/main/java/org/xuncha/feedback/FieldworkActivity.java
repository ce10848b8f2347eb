package org.xuncha.feedback;

import org.xuncha.planning.RoundId;

/**
 * SPI for the round report (巡察情况报告): what fieldwork (notices, talks, household visits) and intake (petitions)
 * recorded for a round. Feedback asks every bean of this type and adds their figures; with none, the report says the
 * figures are not recorded. Implement it in {@code fieldwork} and {@code intake} (they may depend on feedback's API).
 */
public interface FieldworkActivity {

    ActivityFigures of(RoundId round);
}
