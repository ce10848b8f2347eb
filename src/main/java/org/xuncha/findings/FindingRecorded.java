package org.xuncha.findings;

import java.time.Instant;
import org.xuncha.planning.RoundId;

/** 问题已记录: a group recorded a finding in a 村居 (search indexing and statistics listen). */
public record FindingRecorded(long findingId, RoundId roundId, long localityId, String by, Instant at) {}
