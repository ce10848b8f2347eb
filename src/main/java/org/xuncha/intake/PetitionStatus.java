package org.xuncha.intake;

/** A petition's status as its reporter sees it by receipt code. */
public enum PetitionStatus {
    /** 受理. */
    RECEIVED,
    /** 办理中. */
    IN_PROGRESS,
    /** 已办结. */
    CONCLUDED
}
