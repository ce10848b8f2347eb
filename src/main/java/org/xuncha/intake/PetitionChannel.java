package org.xuncha.intake;

/** How a petition arrived (信访举报渠道). */
public enum PetitionChannel {
    /** 码上巡察: the public page reached from a notice's QR code. */
    QR_CODE,
    /** 举报电话. */
    PHONE,
    /** 来信. */
    LETTER,
    /** 意见箱 (信箱). */
    MAILBOX,
    /** 来访. */
    VISIT;

    /** The channels a group registers by hand; QR_CODE petitions come only from the public page. */
    public boolean registeredByGroup() {
        return this != QR_CODE;
    }
}
