package org.xuncha.intake;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the findings and rectification modules report back about a triaged petition: it became a finding or lead
 * (办理中), and later it was settled (已办结) with the reply its reporter reads with the receipt code.
 */
@Service
class PetitionProgress implements PetitionOutcomes {

    private final PetitionRecords petitions;

    PetitionProgress(PetitionRecords petitions) {
        this.petitions = petitions;
    }

    @Override
    @Transactional
    public void recordedAs(long petitionId, String recordKind, long recordId) {
        Petition petition =
                petitions.find(petitionId).orElseThrow(() -> new PetitionIntake.NotFound("petition " + petitionId));
        petitions.update(petition.recordedAs(recordKind, recordId));
    }

    @Override
    @Transactional
    public void concluded(long petitionId, String publicReply) {
        Petition petition =
                petitions.find(petitionId).orElseThrow(() -> new PetitionIntake.NotFound("petition " + petitionId));
        petitions.update(petition.concluded(publicReply));
    }
}
