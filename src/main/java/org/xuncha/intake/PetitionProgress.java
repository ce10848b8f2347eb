package org.xuncha.intake;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the findings and rectification modules report back about a triaged petition: it became a finding or lead
 * (办理中), and later it was settled (已办结) with the reply its reporter reads with the receipt code. A petition this
 * instance does not hold (one received by a separate public instance and not yet handed in, or demo data without a
 * petition behind it) is logged and skipped, so the finding or task that reports it is not rolled back.
 */
@Service
class PetitionProgress implements PetitionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PetitionProgress.class);

    private final PetitionRecords petitions;

    PetitionProgress(PetitionRecords petitions) {
        this.petitions = petitions;
    }

    @Override
    @Transactional
    public void recordedAs(long petitionId, String recordKind, long recordId) {
        held(petitionId).ifPresent(petition -> petitions.update(petition.recordedAs(recordKind, recordId)));
    }

    @Override
    @Transactional
    public void concluded(long petitionId, String publicReply) {
        held(petitionId).ifPresent(petition -> petitions.update(petition.concluded(publicReply)));
    }

    private Optional<Petition> held(long petitionId) {
        Optional<Petition> petition = petitions.find(petitionId);
        if (petition.isEmpty()) {
            log.warn("petition {} is not held here; its outcome was not recorded", petitionId);
        }
        return petition;
    }
}
