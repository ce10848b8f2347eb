package org.xuncha.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.xuncha.planning.RoundId;

/**
 * 巡察情况报告: the round report's sections as the office edits them (drafted from the round's records), until it is
 * finalized; finalizing seals the round's dossier.
 */
class RoundReport {

    /** The sections of the report, as text with one paragraph per line. */
    record Sections(
            String overview, String workDone, String findingsText, String commonProblems, String recommendations) {}

    private final RoundId roundId;
    private Sections sections;
    private @Nullable String finalizedBy;
    private @Nullable Instant finalizedAt;
    private final int version;

    RoundReport(
            RoundId roundId,
            Sections sections,
            @Nullable String finalizedBy,
            @Nullable Instant finalizedAt,
            int version) {
        this.roundId = roundId;
        this.sections = sections;
        this.finalizedBy = finalizedBy;
        this.finalizedAt = finalizedAt;
        this.version = version;
    }

    void revise(Sections sections) {
        requireDraft();
        this.sections = sections;
    }

    void finalizeBy(String by, Instant at) {
        requireDraft();
        this.finalizedBy = by;
        this.finalizedAt = at;
    }

    private void requireDraft() {
        if (finalized()) {
            throw new FeedbackRuleViolation("report.rule.finalized");
        }
    }

    public boolean finalized() {
        return finalizedAt != null;
    }

    public RoundId roundId() {
        return roundId;
    }

    public Sections sections() {
        return sections;
    }

    public String overview() {
        return sections.overview();
    }

    public String workDone() {
        return sections.workDone();
    }

    public String findingsText() {
        return sections.findingsText();
    }

    public String commonProblems() {
        return sections.commonProblems();
    }

    public String recommendations() {
        return sections.recommendations();
    }

    public @Nullable String finalizedBy() {
        return finalizedBy;
    }

    public @Nullable Instant finalizedAt() {
        return finalizedAt;
    }

    public int version() {
        return version;
    }
}
