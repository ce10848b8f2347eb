package org.xuncha.findings;

import java.time.Instant;
import org.xuncha.planning.RoundId;

/** 问题底稿已审定: the office approved a finding's working paper; it now goes into the round's feedback. */
public record FindingApproved(long findingId, RoundId roundId, long localityId, String by, Instant at) {}
