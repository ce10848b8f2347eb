package org.xuncha.feedback;

import org.xuncha.planning.RoundId;

/**
 * SPI for the round report: how many leads (问题线索) the round transferred (移交), counts only — no lead content
 * reaches the report. Findings cannot implement it (findings may not depend on feedback, which depends on findings):
 * implement it in feedback as an adapter over a count findings exposes in its public API. With no bean the report
 * says the count is not recorded.
 */
public interface LeadTransfers {

    int transferredOf(RoundId round);
}
