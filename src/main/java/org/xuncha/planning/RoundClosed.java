package org.xuncha.planning;

import java.time.Instant;

/** 已关闭: the round's work is done. */
public record RoundClosed(RoundId roundId, String by, Instant at) {}
