package org.xuncha.intake;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.xuncha.planning.RoundId;

/**
 * A petition (信访件) as other modules see it: what it says and where it stands, never who sent it.
 *
 * @param content what happened, as written
 * @param place where it happened, when the reporter said
 * @param occurred when it happened, when the reporter said
 * @param triage the group's decision, null while untriaged
 */
public record PetitionDigest(
        long id,
        RoundId roundId,
        long localityId,
        String localityName,
        PetitionChannel channel,
        PetitionCategory category,
        String content,
        @Nullable String place,
        @Nullable String occurred,
        LocalDate receivedOn,
        PetitionStatus status,
        @Nullable Triage triage) {

    static PetitionDigest of(Petition p) {
        return new PetitionDigest(
                p.id(),
                p.roundId(),
                p.localityId(),
                p.localityName(),
                p.channel(),
                p.category(),
                p.content(),
                p.place(),
                p.occurred(),
                p.receivedOn(),
                p.status(),
                p.triage());
    }
}
