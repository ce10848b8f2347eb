package org.xuncha.intake;

/**
 * What becomes of a petition after triage, reported by the modules that handle it, so its status and public reply
 * (visible with the receipt code) follow the record it became.
 */
public interface PetitionOutcomes {

    /** The petition became a record of another module (kind {@code "FINDING"} or {@code "LEAD"}); status 办理中. */
    void recordedAs(long petitionId, String recordKind, long recordId);

    /** The matter is settled (e.g. its finding closed out after rectification); status 已办结 with the public reply. */
    void concluded(long petitionId, String publicReply);
}
