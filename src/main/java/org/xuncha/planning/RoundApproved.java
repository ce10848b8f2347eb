package org.xuncha.planning;

import java.time.Instant;

/** 已批准: the director approved the round's plan. */
public record RoundApproved(RoundId roundId, String by, Instant at) {}
