package org.xuncha.planning;

import java.time.Instant;

/** 已反馈: the round's feedback was delivered to the townships and 村居. */
public record FeedbackGiven(RoundId roundId, String by, Instant at) {}
