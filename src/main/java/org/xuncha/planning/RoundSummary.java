package org.xuncha.planning;

import java.time.LocalDate;
import java.util.List;

/** A round as other modules and lists see it: identity, label, state, dates and the township units it takes. */
public record RoundSummary(
        RoundId id,
        TermId termId,
        String termName,
        RoundKind kind,
        int number,
        RoundState state,
        LocalDate entryDate,
        LocalDate exitDate,
        List<String> townshipNames,
        int localityCount) {

    /** 第一轮, 第一批试点, 第一轮回头看. */
    public String label() {
        return InspectionRound.label(kind, number);
    }
}
