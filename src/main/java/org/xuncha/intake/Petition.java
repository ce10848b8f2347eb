package org.xuncha.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.xuncha.planning.RoundId;

/**
 * 信访件: a petition as the group and the office work with it, without the reporter's identity (which stays sealed
 * in its own columns and is read only by an audited reveal). {@link #named()} says whether the reporter left a name or
 * phone. A petition is triaged once (分办); forwarding and no action conclude it with the group's public reply, a
 * finding or lead goes on through {@link PetitionOutcomes}.
 */
record Petition(
        long id,
        RoundId roundId,
        long localityId,
        String localityName,
        String townshipName,
        String path,
        PetitionChannel channel,
        PetitionCategory category,
        String content,
        @Nullable String place,
        @Nullable String occurred,
        LocalDate receivedOn,
        @Nullable String registeredBy,
        boolean named,
        int photoCount,
        PetitionStatus status,
        @Nullable Triage triage,
        @Nullable String triageReason,
        @Nullable String forwardedTo,
        @Nullable String publicReply,
        @Nullable String triagedBy,
        @Nullable Instant triagedAt,
        @Nullable String recordKind,
        @Nullable Long recordId,
        int version) {

    /** The group's decision with what each kind needs: a department to forward to, a reason, a public reply. */
    record Decision(
            Triage triage,
            @Nullable String forwardedTo,
            @Nullable String reason,
            @Nullable String publicReply) {

        Decision {
            forwardedTo = blankToNull(forwardedTo);
            reason = blankToNull(reason);
            publicReply = blankToNull(publicReply);
        }

        /** Checks the decision on its own, naming the missing field. */
        void check() {
            if (triage == Triage.FORWARDED && forwardedTo == null) {
                throw new IntakeRuleViolation("petitionTriage.forwardedToRequired");
            }
            if (triage == Triage.NO_ACTION && reason == null) {
                throw new IntakeRuleViolation("petitionTriage.reasonRequired");
            }
            if (concludes() && publicReply == null) {
                throw new IntakeRuleViolation("petitionTriage.replyRequired");
            }
        }

        /** Forwarding and no action end the matter for the inspection. */
        boolean concludes() {
            return triage == Triage.FORWARDED || triage == Triage.NO_ACTION;
        }
    }

    public boolean triaged() {
        return triage != null;
    }

    /** Days since it arrived. */
    public long ageInDays(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(receivedOn, today));
    }

    /** Triages the petition once; the version must be the one the group saw. */
    Petition triaged(Decision decision, String by, Instant at) {
        if (triaged()) {
            throw new IntakeRuleViolation("petitionTriage.already");
        }
        decision.check();
        return new Petition(
                id,
                roundId,
                localityId,
                localityName,
                townshipName,
                path,
                channel,
                category,
                content,
                place,
                occurred,
                receivedOn,
                registeredBy,
                named,
                photoCount,
                decision.concludes() ? PetitionStatus.CONCLUDED : PetitionStatus.RECEIVED,
                decision.triage(),
                decision.reason(),
                decision.triage() == Triage.FORWARDED ? decision.forwardedTo() : null,
                decision.publicReply(),
                by,
                at,
                null,
                null,
                version);
    }

    /** The finding or lead it became: 办理中. */
    Petition recordedAs(String kind, long record) {
        if (!becomesRecord()) {
            throw new IllegalStateException("petition " + id + " was not triaged to become a finding or a lead");
        }
        if (status == PetitionStatus.CONCLUDED) {
            throw new IllegalStateException("petition " + id + " is already concluded");
        }
        String expected = triage == Triage.RECORD_AS_FINDING ? "FINDING" : "LEAD";
        if (!expected.equals(kind)) {
            throw new IllegalArgumentException("petition " + id + " was triaged to become a " + expected);
        }
        return withOutcome(PetitionStatus.IN_PROGRESS, publicReply, kind, record);
    }

    /** The matter is settled: 已办结, with the reply the reporter sees. */
    Petition concluded(String reply) {
        if (!becomesRecord()) {
            throw new IllegalStateException("petition " + id + " was not triaged to become a finding or a lead");
        }
        if (reply.isBlank()) {
            throw new IllegalArgumentException("a concluded petition needs a public reply");
        }
        return withOutcome(PetitionStatus.CONCLUDED, reply.strip(), recordKind, recordId);
    }

    private boolean becomesRecord() {
        return triage == Triage.RECORD_AS_FINDING || triage == Triage.RECORD_AS_LEAD;
    }

    private Petition withOutcome(
            PetitionStatus newStatus, @Nullable String reply, @Nullable String kind, @Nullable Long record) {
        return new Petition(
                id,
                roundId,
                localityId,
                localityName,
                townshipName,
                path,
                channel,
                category,
                content,
                place,
                occurred,
                receivedOn,
                registeredBy,
                named,
                photoCount,
                newStatus,
                triage,
                triageReason,
                forwardedTo,
                reply,
                triagedBy,
                triagedAt,
                kind,
                record,
                version);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
