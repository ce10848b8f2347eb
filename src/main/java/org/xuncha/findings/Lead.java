package org.xuncha.findings;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.planning.RoundId;

/**
 * 问题线索: a serious matter found in a 村居, transferred (移交) to the body that handles it. This record holds only
 * what office staff may see (that it exists, where, to whom, its state and register number); its content (who, what,
 * amounts) is sealed and read through {@link LeadContent} by those allowed.
 */
record Lead(
        long id,
        RoundId roundId,
        int groupNumber,
        long localityId,
        String localityName,
        String localityPath,
        String townshipName,
        @Nullable Long findingId,
        @Nullable Long petitionId,
        ReceivingBody receiver,
        String receiverName,
        Sensitivity sensitivity,
        State state,
        String raisedBy,
        Instant raisedAt,
        @Nullable String registerNumber,
        @Nullable String transferredBy,
        @Nullable LocalDate transferredOn,
        @Nullable LocalDate reportDue,
        @Nullable String receivedBy,
        @Nullable Instant receivedAt,
        boolean reported,
        int version) {

    /** 线索状态. */
    enum State {
        /** 待移交. */
        RAISED,
        /** 已移交. */
        TRANSFERRED,
        /** 已签收. */
        RECEIVED,
        /** 已办结. */
        CONCLUDED
    }

    /** 敏感程度. */
    enum Sensitivity {
        ORDINARY,
        SENSITIVE,
        HIGHLY_SENSITIVE
    }

    /** 处置方式 the receiving body reports. */
    enum DispositionKind {
        /** 初核. */
        PRELIMINARY_CHECK,
        /** 立案. */
        CASE_FILED,
        /** 谈话函询. */
        TALK_OR_INQUIRY,
        /** 转办. */
        REFERRED,
        /** 了结. */
        CONCLUDED
    }

    /** Overdue: transferred, nothing reported back and the report date passed. */
    public boolean overdue(LocalDate today) {
        return (state == State.TRANSFERRED || state == State.RECEIVED)
                && !reported
                && reportDue != null
                && reportDue.isBefore(today);
    }

    boolean sentTo(@Nullable ReceivingBody body) {
        return body != null && body == receiver && state != State.RAISED;
    }

    void requireState(State expected, String messageKey) {
        if (state != expected) {
            throw new FindingRuleViolation(messageKey);
        }
    }
}
