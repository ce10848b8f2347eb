package org.xuncha.search;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.findings.FindingApproved;
import org.xuncha.findings.FindingRecorded;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Findings;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * Keeps findings in the index: when a finding is recorded or approved, its category, 村居, description and proposed
 * handling are (re)indexed for the office and the group that takes the 村居. No reporter identity is in a finding's
 * summary, so none reaches the index.
 */
@Component
class FindingsIndexing {

    private final Findings findings;
    private final Regions regions;
    private final SearchIndex index;

    FindingsIndexing(Findings findings, Regions regions, SearchIndex index) {
        this.findings = findings;
        this.regions = regions;
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

    void reindex(long findingId) {
        FindingSummary finding = findings.find(findingId).orElse(null);
        if (finding == null) {
            index.remove(SearchKind.FINDING, findingId);
            return;
        }
        String path =
                regions.find(finding.localityId()).map(RegionSummary::path).orElse(null);
        if (path == null) {
            return;
        }
        index.put(new SearchEntry(
                SearchKind.FINDING,
                finding.id(),
                finding.roundId().value(),
                finding.localityId(),
                path,
                Visibility.OFFICE_AND_GROUP,
                finding.townshipName() + finding.localityName() + " · " + finding.category(),
                finding.description() + "\n" + finding.proposedHandling(),
                "/findings/" + finding.id()));
    }
}
