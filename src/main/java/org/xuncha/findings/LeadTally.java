package org.xuncha.findings;

import java.util.Map;
import org.xuncha.identity.ReceivingBody;

/**
 * The leads (问题线索) of a round as counts only, for the round report and statistics: how many were raised, how many
 * transferred (移交) and to which receiving body. Never carries content.
 */
public record LeadTally(long raised, long transferred, Map<ReceivingBody, Long> transferredTo) {

    public LeadTally {
        transferredTo = Map.copyOf(transferredTo);
    }
}
