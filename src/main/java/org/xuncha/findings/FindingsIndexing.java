package org.xuncha.findings;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.search.SearchEntry;
import org.xuncha.search.SearchIndex;
import org.xuncha.search.SearchKind;
import org.xuncha.search.Visibility;

/**
 * Puts findings and their working papers (问题底稿) into the full-text index when a finding is recorded, changed or approved:
 * the finding with its category, 村居 and description, the paper with its facts, the rule broken and the proposed
 * handling, both for the office and the group that takes the 村居. The source note and the people concerned are left
 * out (they may name a reporter).
 */
@Component
class FindingsIndexing {

    private final FindingRecords records;
    private final SearchIndex index;

    FindingsIndexing(FindingRecords records, SearchIndex index) {
        this.records = records;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(FindingRecorded event) {
        reindex(event.findingId());
    }

    @ApplicationModuleListener
    void on(FindingApproved event) {
        reindex(event.findingId());
    }

    /** Any edit, paper step or 立行立改: the index follows the finding's latest text. */
    @ApplicationModuleListener
    void on(FindingChanged event) {
        reindex(event.findingId());
    }

    void reindex(long findingId) {
        Finding finding = records.find(findingId).orElse(null);
        if (finding == null) {
            index.remove(SearchKind.FINDING, findingId);
            index.remove(SearchKind.WORKING_PAPER, findingId);
            return;
        }
        String place = finding.townshipName() + finding.localityName();
        index.put(new SearchEntry(
                SearchKind.FINDING,
                finding.id(),
                finding.roundId().value(),
                finding.localityId(),
                finding.localityPath(),
                Visibility.OFFICE_AND_GROUP,
                place + " · " + finding.category(),
                finding.description() + "\n" + finding.proposedHandling(),
                "/findings/" + finding.id()));
        if (!finding.facts().isBlank()) {
            index.put(new SearchEntry(
                    SearchKind.WORKING_PAPER,
                    finding.id(),
                    finding.roundId().value(),
                    finding.localityId(),
                    finding.localityPath(),
                    Visibility.OFFICE_AND_GROUP,
                    place + " · " + finding.category() + " · 问题底稿",
                    finding.facts() + "\n" + finding.ruleBroken() + "\n" + finding.proposedHandling(),
                    "/findings/" + finding.id()));
        }
    }
}
