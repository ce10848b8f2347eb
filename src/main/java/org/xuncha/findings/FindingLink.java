package org.xuncha.findings;

/**
 * A link between similar findings (重复问题 / 共性问题): {@code RECURRENCE} when the related finding is in the same 村居
 * with the same category and a similar description, {@code COMMON} when the same category turns up across the
 * township's 村居 in the round.
 */
record FindingLink(
        long relatedId,
        Kind kind,
        double similarity,
        String localityName,
        long roundId,
        String category,
        String description,
        FindingState state) {

    enum Kind {
        RECURRENCE,
        COMMON
    }
}
