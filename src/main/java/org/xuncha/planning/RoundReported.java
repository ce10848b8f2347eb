package org.xuncha.planning;

import java.time.Instant;

/** 已报告: the round's findings were reported. */
public record RoundReported(RoundId roundId, String by, Instant at) {}
