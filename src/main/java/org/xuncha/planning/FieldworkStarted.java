package org.xuncha.planning;

import java.time.Instant;

/** 进驻: the round's groups went into the field. */
public record FieldworkStarted(RoundId roundId, String by, Instant at) {}
