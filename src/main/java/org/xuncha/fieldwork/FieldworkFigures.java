package org.xuncha.fieldwork;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.Rounds;

/**
 * Fieldwork figures (进驻工作数字) for other modules (the scorecard): per 村居 of a round and for the round, counted
 * from the records — notices posted, broadcasts, talks and person-times, households visited, special households
 * visited and excused. Bounded by the caller's scope like every other read.
 */
@Service
public class FieldworkFigures {

    /** The figures of one 村居 of a round. */
    public record LocalityFigures(
            long localityId,
            String localityName,
            String townshipName,
            long noticesPosted,
            long postings,
            long broadcasts,
            long talks,
            long individualTalks,
            long personTimes,
            long visits,
            long householdsVisited,
            long specialHouseholds,
            long specialVisited,
            long specialExcused,
            long specialRemaining) {}

    /** The figures of a round: its 村居 (those the caller may see) and their sums. */
    public record RoundFigures(RoundId round, List<LocalityFigures> localities) {

        public long noticesPosted() {
            return localities.stream().mapToLong(LocalityFigures::noticesPosted).sum();
        }

        public long broadcasts() {
            return localities.stream().mapToLong(LocalityFigures::broadcasts).sum();
        }

        public long talks() {
            return localities.stream().mapToLong(LocalityFigures::talks).sum();
        }

        public long personTimes() {
            return localities.stream().mapToLong(LocalityFigures::personTimes).sum();
        }

        public long householdsVisited() {
            return localities.stream()
                    .mapToLong(LocalityFigures::householdsVisited)
                    .sum();
        }

        public long specialHouseholds() {
            return localities.stream()
                    .mapToLong(LocalityFigures::specialHouseholds)
                    .sum();
        }

        public long specialVisited() {
            return localities.stream()
                    .mapToLong(LocalityFigures::specialVisited)
                    .sum();
        }

        public long specialExcused() {
            return localities.stream()
                    .mapToLong(LocalityFigures::specialExcused)
                    .sum();
        }

        public long specialRemaining() {
            return localities.stream()
                    .mapToLong(LocalityFigures::specialRemaining)
                    .sum();
        }
    }

    private final Rounds rounds;
    private final Fieldwork fieldwork;
    private final FieldworkRecords records;

    FieldworkFigures(Rounds rounds, Fieldwork fieldwork, FieldworkRecords records) {
        this.rounds = rounds;
        this.fieldwork = fieldwork;
        this.records = records;
    }

    /** The round's figures over the 村居 the caller may see (none for a round outside the scope). */
    @Transactional(readOnly = true)
    public RoundFigures ofRound(RoundId round, RegionScope scope, Authentication caller) {
        return of(round, rounds.localities(round, scope, caller));
    }

    /** The figures of one 村居 of the round, when the caller may see it (zeros otherwise: nothing is counted). */
    @Transactional(readOnly = true)
    public LocalityFigures ofLocality(RoundId round, long localityId, RegionScope scope, Authentication caller) {
        List<RoundLocality> one = rounds.localities(round, scope, caller).stream()
                .filter(l -> l.localityId() == localityId)
                .toList();
        return of(round, one).localities().stream()
                .findFirst()
                .orElse(new LocalityFigures(localityId, "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    RoundFigures of(RoundId round, List<RoundLocality> localities) {
        List<Long> ids = localities.stream().map(RoundLocality::localityId).toList();
        Map<Long, long[]> counts = records.counts(round.value(), ids);
        Map<Long, Fieldwork.Coverage> coverage = new java.util.HashMap<>();
        fieldwork
                .coverage(round, localities)
                .forEach(c -> coverage.put(c.locality().localityId(), c));
        return new RoundFigures(
                round,
                localities.stream()
                        .map(l -> {
                            long[] c = counts.getOrDefault(l.localityId(), new long[8]);
                            Fieldwork.Coverage cov = coverage.get(l.localityId());
                            return new LocalityFigures(
                                    l.localityId(),
                                    l.name(),
                                    l.townshipName(),
                                    c[0],
                                    c[7],
                                    c[1],
                                    c[2],
                                    c[6],
                                    c[3],
                                    c[4],
                                    c[5],
                                    cov.special(),
                                    cov.visited(),
                                    cov.excused().size(),
                                    cov.open());
                        })
                        .toList());
    }
}
