package org.xuncha.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundId;

/**
 * Petitions (信访举报) as other modules read them (findings, statistics): digests bounded by the caller's region
 * scope, never carrying the reporter's name or phone.
 */
@Service
public class Petitions {

    private final PetitionRecords records;
    private final Regions regions;

    Petitions(PetitionRecords records, Regions regions) {
        this.records = records;
        this.regions = regions;
    }

    /** The petition when it lies within the scope. */
    @Transactional(readOnly = true)
    public Optional<PetitionDigest> find(long id, RegionScope scope) {
        return records.find(id, Scope.of(scope, regions)).map(PetitionDigest::of);
    }

    /** The round's petitions within the scope, oldest first. */
    @Transactional(readOnly = true)
    public List<PetitionDigest> ofRound(RoundId round, RegionScope scope) {
        try (var rows = records.stream(new PetitionRecords.Filter(round, null, false), Scope.of(scope, regions))) {
            return rows.map(PetitionDigest::of).toList();
        }
    }

    /** Petitions received per 村居 (by its id) within the scope, over every round; 村居 without any are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> receivedByLocality(RegionScope scope) {
        return records.receivedByLocality(Scope.of(scope, regions));
    }

    /** How many of the round's petitions lie within the scope. */
    @Transactional(readOnly = true)
    public long count(RoundId round, RegionScope scope) {
        return records.page(new PetitionRecords.Filter(round, null, false), Scope.of(scope, regions), 0, 1)
                .total();
    }
}
