package org.xuncha.rectification;

/**
 * A 村居's rectification record as other modules see it (村居整改情况): its round and township, the problems listed
 * for it, tasks closed out, tasks returned at least once and problems the masses raised (from petitions).
 */
public record LocalityRecord(
        long roundId,
        long localityId,
        String localityName,
        long townshipId,
        String townshipName,
        String localityPath,
        int problems,
        int closedOut,
        int returnedTasks,
        int massRaised) {}
