package org.xuncha.findings;

import java.time.Instant;
import org.xuncha.planning.RoundId;

/**
 * 问题已更新: a finding's text, working paper, state or 立行立改 changed (search re-indexes it from
 * {@link Findings#find}).
 */
public record FindingChanged(long findingId, RoundId roundId, long localityId, String by, Instant at) {}
