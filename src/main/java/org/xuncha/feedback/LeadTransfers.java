package org.xuncha.feedback;

import org.xuncha.planning.RoundId;

/**
 * SPI for the round report: how many leads (问题线索) the round transferred (移交), counts only — no lead content
 * reaches the report. Implement it in {@code findings}; with no bean the report says the count is not recorded.
 */
public interface LeadTransfers {

    int transferredOf(RoundId round);
}
